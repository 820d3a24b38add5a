package nrw.kinetz.testkit;

/**
 * The Kafka broker and MongoDB a test talks to over TCP. One instance per test JVM, started on first use
 * and stopped when the JVM exits.
 *
 * <p>Which implementation answers is one switch, the system property {@code kinetz.test.infrastructure}:
 * {@code embedded} (the default: the real Kafka broker and the MongoDB wire server in this JVM),
 * {@code containers} ({@code apache/kafka} and a {@code mongo} replica set in Docker; {@code ./mvnw verify -Pcontainers}
 * sets it) or {@code process} (the embedded broker and store in a JVM of their own, so that the test's JVM holds none
 * of the store's data; the replay benchmarks of {@code ./kinetz bench}). The first use prints which one runs, in one line.
 */
public interface TestInfrastructure {

    String SWITCH = "kinetz.test.infrastructure";

    /** {@code host:port} of the Kafka broker. */
    String kafkaBootstrapServers();

    /** {@code mongodb://host:port} of the MongoDB server (no database: each service names its own). */
    String mongoConnectionString();

    /** One line saying which infrastructure this is and where it listens. */
    String description();

    /**
     * The infrastructure of this test JVM, started if needed.
     *
     * @throws IllegalStateException for an unknown mode, or the containers mode without a Docker engine
     */
    static TestInfrastructure shared() {
        return Modes.shared(System.getProperty(SWITCH, Modes.EMBEDDED));
    }
}
