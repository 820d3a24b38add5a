package nrw.kinetz.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIntegrationTests {

    @TempDir
    static Path logDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.create(0, logDir).start();
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void recordProducedWithAcksAllAndIdempotenceIsConsumedBackByAConsumerGroup() throws Exception {
        String topic = "events-" + UUID.randomUUID();

        RecordMetadata written = produce(topic, "05974", "Kreis Soest");

        List<ConsumerRecord<String, String>> records = consume(topic, 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("05974");
            assertThat(record.value()).isEqualTo("Kreis Soest");
            assertThat(record.partition()).isEqualTo(written.partition());
            assertThat(record.offset()).isEqualTo(written.offset());
        });
    }

    @Test
    void recordWrittenBeforeStopIsStillReadableAfterStartOnTheSamePortAndCluster() throws Exception {
        String topic = "durable-" + UUID.randomUUID();
        produce(topic, "05315", "Köln");
        int portBefore = broker.port();
        String clusterBefore = describeCluster().clusterId().get(10, TimeUnit.SECONDS);

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.port()).isEqualTo(portBefore);
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + portBefore);
        assertThat(describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                .as("the log dir is not formatted again").isEqualTo(clusterBefore);
        assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).containsExactly("Köln");
    }

    @Test
    void brokerAnswersDescribeClusterWithOneNodeOnItsPort() throws Exception {
        Collection<Node> nodes = describeCluster().nodes().get(10, TimeUnit.SECONDS);

        assertThat(nodes).singleElement().satisfies(node -> {
            assertThat(node.host()).isEqualTo("127.0.0.1");
            assertThat(node.port()).isEqualTo(broker.port());
        });
    }

    @Test
    void startIsIdempotentAndCloseDeletesTheTemporaryLogDirTheBrokerCreated() {
        Path tempLogDir;
        try (EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.create(0, null)) {
            tempLogDir = temporary.logDir();
            assertThat(temporary.port()).isNotEqualTo(broker.port());
            assertThat(temporary.start()).isSameAs(temporary.start());
            assertThat(temporary.isRunning()).isTrue();
            assertThat(tempLogDir.resolve("meta.properties")).exists();
        }
        assertThat(Files.exists(tempLogDir)).isFalse();
    }

    @Test
    void startWaitsForItsPortWhileAnotherSocketStillHoldsItBriefly() throws Exception {
        try (EmbeddedKafkaBroker late = EmbeddedKafkaBroker.create(0, null)) {
            ServerSocket blocker = new ServerSocket();
            blocker.bind(new InetSocketAddress("127.0.0.1", late.port()));
            Thread releaser = new Thread(() -> {
                Directories.sleep(1500);
                try {
                    blocker.close();
                } catch (IOException ignored) {
                    // the assertion below reports it
                }
            });
            releaser.start();

            late.start();

            releaser.join();
            assertThat(late.isRunning()).isTrue();
            assertThat(produce(late, "late-" + UUID.randomUUID(), "k", "v").offset()).isZero();
        }
    }

    private static DescribeClusterResult describeCluster() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            DescribeClusterResult result = admin.describeCluster();
            // resolve both futures before the admin client closes
            result.nodes().toCompletionStage().toCompletableFuture().join();
            result.clusterId().toCompletionStage().toCompletableFuture().join();
            return result;
        }
    }

    private static RecordMetadata produce(String topic, String key, String value) throws Exception {
        return produce(broker, topic, key, value);
    }

    private static RecordMetadata produce(EmbeddedKafkaBroker target, String topic, String key, String value)
            throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
