package nrw.kinetz.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.TopicReader;

/** What is on {@code ki.activities.v1}, read like an outside system would. */
public final class ActivityTopic {

    private final String bootstrapServers;

    public ActivityTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record on the topic whose {@code ce_id} is one of {@code ids}. */
    public List<ConsumerRecord<String, byte[]>> withIds(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return TopicReader.readToEnd(bootstrapServers, Topics.ACTIVITIES, Duration.ofSeconds(10)).stream()
                .filter(record -> CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID).filter(wanted::contains).isPresent())
                .toList();
    }

    public List<String> idsOf(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID).orElseThrow()).toList();
    }

    /** The number of records on the topic so far: unchanged after a request means it published nothing. */
    public long size() {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTIVITIES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.ACTIVITIES, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
