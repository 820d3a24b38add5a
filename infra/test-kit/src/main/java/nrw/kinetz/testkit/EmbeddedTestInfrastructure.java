package nrw.kinetz.testkit;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;

/** The real Kafka broker (KRaft) and the in-memory MongoDB wire server, once per test JVM. */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

    private static volatile EmbeddedTestInfrastructure instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedTestInfrastructure() {
        this.kafka = EmbeddedKafkaBroker.create(0, null).start();
        this.mongo = EmbeddedMongo.inMemory(0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }, "test-infrastructure-stop"));
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
        return "embedded: Kafka broker (KRaft) at " + kafkaBootstrapServers() + ", MongoDB wire server at "
                + mongoConnectionString() + " (-Pcontainers for Docker containers instead)";
    }
}
