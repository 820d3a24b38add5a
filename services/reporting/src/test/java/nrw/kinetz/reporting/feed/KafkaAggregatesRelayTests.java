package nrw.kinetz.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.aggregate.AggregateEventTypes;
import nrw.kinetz.model.aggregate.AggregateUpdated;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;

class KafkaAggregatesRelayTests {

    private static final String KEY = "activities/05974/2026-07/FRUEHE_BILDUNG/BERATUNG/NONE";

    @Test
    void anEntryBecomesAnAggregateUpdatedKeyedByItsAggregateWithExactNumbers() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(KafkaAggregatesRelay.event(entry(7)));

        assertThat(record.topic()).isEqualTo("laki.aggregates.v1");
        assertThat(record.key()).isEqualTo(KEY);
        EventEnvelope<?> back = CloudEventsKafka.fromRecord(new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value()) {
            {
                record.headers().forEach(header -> headers().add(header));
            }
        });
        AggregateUpdated payload = back.dataAs(AggregateEventTypes.UPDATED);
        assertThat(back.source()).hasToString("/services/reporting");
        assertThat(back.subject()).isEqualTo(KEY);
        assertThat(payload.values()).containsEntry("participants", 3L);
        assertThat(payload.period()).isEqualTo(Period.parse("2026-07"));
        assertThat(payload.cursor()).isEqualTo("7");
    }

    @Test
    void theEventIdFollowsFromTheSequenceSoThatARepublicationKeepsIt() {
        assertThat(KafkaAggregatesRelay.event(entry(7)).id()).isEqualTo(KafkaAggregatesRelay.event(entry(7)).id());
        assertThat(KafkaAggregatesRelay.event(entry(7)).id()).isNotEqualTo(KafkaAggregatesRelay.event(entry(8)).id());
    }

    private static FeedEntry entry(long sequence) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("activities", 1L);
        values.put("participants", 3L);
        return new FeedEntry(sequence, "g1/" + KEY + "@1", KEY, "activities", Period.parse("2026-07"),
                Map.of("site", "05974"), values, Instant.parse("2026-07-14T08:00:00Z"));
    }
}
