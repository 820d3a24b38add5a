package nrw.kinetz.testkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real Kafka and real MongoDB in containers ({@code apache/kafka} of the client's version in KRaft mode, {@code mongo}
 * as a single-node replica set), once per test JVM; for machines with a Docker engine ({@code ./mvnw verify
 * -Pcontainers}). The services get the same two properties as from the embedded infrastructure, so every
 * integration test runs unchanged. A replica set offers transactions and change streams; the services use neither,
 * because the embedded store has neither.
 */
final class ContainerTestInfrastructure implements TestInfrastructure {

    /** The broker of the same version as the Kafka client the services use. */
    static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

    static final String MONGO_IMAGE = "mongo:8.0";

    static final String NO_DOCKER = SWITCH + "=containers (./mvnw verify -Pcontainers) needs a Docker engine, and "
            + "none answers (Testcontainers looked at DOCKER_HOST, the Docker socket and ~/.testcontainers.properties). "
            + "Start Docker, or run ./mvnw verify without -Pcontainers: the embedded Kafka and MongoDB need none.";

    private static ContainerTestInfrastructure instance;

    /** Remembered so that every later test fails at once with the same message instead of probing Docker again. */
    private static IllegalStateException unavailable;

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerTestInfrastructure() {
        this.kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                // As the embedded broker: consumers join their group at once.
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "3");
        this.mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE)).withReplicaSet();
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            kafka.stop();
        }, "test-containers-stop"));
    }

    static synchronized ContainerTestInfrastructure instance() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (instance == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                unavailable = new IllegalStateException(NO_DOCKER);
                throw unavailable;
            }
            instance = new ContainerTestInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.getConnectionString();
    }

    @Override
    public String description() {
        return "containers: Kafka " + KAFKA_IMAGE + " (KRaft) at " + kafkaBootstrapServers() + ", MongoDB " + MONGO_IMAGE
                + " (single-node replica set) at " + mongoConnectionString();
    }
}
