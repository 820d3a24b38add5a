package nrw.kinetz.testkit;

import java.util.Locale;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;

/**
 * The real Kafka broker (KRaft) and the MongoDB wire server, once per test JVM. The store keeps its data in memory;
 * with the system property {@value #STORE}{@code =h2} it keeps it in an H2 file in a temporary directory, as the
 * devstack does (the benchmarks' {@code --store H2}).
 */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

    /** System property choosing the store's backend: {@code memory} (the default) or {@code h2}. */
    static final String STORE = "kinetz.test.store";

    private static volatile EmbeddedTestInfrastructure instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedTestInfrastructure() {
        this.kafka = EmbeddedKafkaBroker.create(0, null).start();
        this.mongo = store(System.getProperty(STORE, "memory")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }, "test-infrastructure-stop"));
    }

    /** @return the store named by {@value #STORE}, not started yet */
    static EmbeddedMongo store(String store) {
        switch (store.toLowerCase(Locale.ROOT)) {
            case "memory":
                return EmbeddedMongo.inMemory(0);
            case "h2":
                return EmbeddedMongo.temporaryH2(0);
            default:
                throw new IllegalStateException("unknown store '" + store + "' in -D" + STORE + ": expected memory or h2");
        }
    }

    static EmbeddedTestInfrastructure instance() {
        EmbeddedTestInfrastructure local = instance;
        if (local == null) {
            synchronized (EmbeddedTestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    instance = local = new EmbeddedTestInfrastructure();
                }
            }
        }
        return local;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public String description() {
        return "embedded: Kafka broker (KRaft) at " + kafkaBootstrapServers() + ", MongoDB wire server ("
                + System.getProperty(STORE, "memory") + ") at " + mongoConnectionString() + " (-Pcontainers for Docker containers instead)";
    }
}
