package nrw.kinetz.testkit;

/**
 * The Kafka broker and MongoDB a test talks to over TCP. One instance per test JVM, started on first use
 * and stopped when the JVM exits.
 *
 * <p>Which implementation answers is one switch, the system property {@code kinetz.test.infrastructure}:
 * {@code embedded} (the default: the real Kafka broker and the MongoDB wire server in this JVM) — the
 * place where a Testcontainers implementation plugs in for machines with a Docker engine.
 */
public interface TestInfrastructure {

    String SWITCH = "kinetz.test.infrastructure";

    /** {@code host:port} of the Kafka broker. */
    String kafkaBootstrapServers();

    /** {@code mongodb://host:port} of the MongoDB server (no database: each service names its own). */
    String mongoConnectionString();

    /** The infrastructure of this test JVM, started if needed. */
    static TestInfrastructure shared() {
        String choice = System.getProperty(SWITCH, "embedded");
        if (!"embedded".equals(choice)) {
            throw new IllegalStateException(SWITCH + "=" + choice + " is not available; known: embedded");
        }
        return EmbeddedTestInfrastructure.instance();
    }
}
