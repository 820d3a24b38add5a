package nrw.kinetz.reporting.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nrw.kinetz.model.event.Topics;

/** {@code laki.aggregates.v1} read as an outside system would: a new consumer group and the CloudEvents SDK alone. */
final class AggregatesTopic {

    private AggregatesTopic() {
    }

    /** @return every record with {@code key} from the start of the topic, read until three polls bring nothing */
    static List<ConsumerRecord<String, CloudEvent>> read(String bootstrapServers, String key) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outside-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.AGGREGATES));
            int empty = 0;
            while (empty < 3) {
                var polled = consumer.poll(Duration.ofMillis(500));
                empty = polled.isEmpty() ? empty + 1 : 0;
                polled.forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
