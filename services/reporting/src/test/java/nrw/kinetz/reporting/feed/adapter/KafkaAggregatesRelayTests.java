package nrw.kinetz.reporting.feed.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.aggregate.AggregateEventTypes;
import nrw.kinetz.model.aggregate.AggregateUpdated;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.FeedCursor;
import nrw.kinetz.reporting.feed.FeedEntry;
import nrw.kinetz.reporting.feed.InMemoryFeed;
import nrw.kinetz.reporting.feed.SwitchableLease;

class KafkaAggregatesRelayTests {

    private static final String KEY = "activities/05974/2026-07/FRUEHE_BILDUNG/BERATUNG/NONE";

    private final InMemoryFeed feed = new InMemoryFeed();
    private final SwitchableLease lease = new SwitchableLease();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final KafkaAggregatesRelay relay = new KafkaAggregatesRelay(feed, lease, publisher, Duration.ofSeconds(1), 10);
    private int changes;

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

    @Test
    void entriesHandedOverThatContinueTheTopicArePublishedWithoutReadingTheFeed() {
        feed.append(changes(3), Instant.EPOCH);
        relay.appended(feed.entries);

        assertThat(relay.publishOnce()).isEqualTo(3);

        assertThat(publisher.sequences).containsExactly(1L, 2L, 3L);
        assertThat(feed.reads).isZero();
        assertThat(feed.progress(KafkaAggregatesRelay.NAME)).isEqualTo(3);
    }

    @Test
    void aWakeUpsRoundsEndOnceWhatWasHandedOverIsPublishedWithoutAskingTheFeedForMore() {
        relay.appended(feed.append(changes(3), Instant.EPOCH));

        relay.publishPending();

        assertThat(publisher.sequences).containsExactly(1L, 2L, 3L);
        assertThat(feed.reads).isZero();
        relay.appended(feed.append(changes(2), Instant.EPOCH));
        relay.publishPending();
        assertThat(publisher.sequences).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(feed.reads).isZero();
    }

    @Test
    void wakeUpsLeaveThePositionToBeSavedBySweepsRatherThanAfterEveryRound() {
        KafkaAggregatesRelay sparing = new KafkaAggregatesRelay(feed, lease, publisher, Duration.ofSeconds(1), 10,
                Duration.ofHours(1));
        sparing.appended(feed.append(changes(3), Instant.EPOCH));
        sparing.publishPending();
        sparing.appended(feed.append(changes(2), Instant.EPOCH));
        sparing.publishPending();

        assertThat(publisher.sequences).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(feed.progress(KafkaAggregatesRelay.NAME)).isEqualTo(FeedCursor.START);
        sparing.sweep();
        assertThat(feed.progress(KafkaAggregatesRelay.NAME)).isEqualTo(5);
    }

    @Test
    void entriesNotHandedOverAreReadFromTheFeedBeforeLaterOnesThatWere() {
        feed.append(changes(2), Instant.EPOCH); // appended by another instance, or before this one started
        List<FeedEntry> later = feed.append(changes(2), Instant.EPOCH);
        relay.appended(later);

        assertThat(relay.publishOnce()).isEqualTo(4);

        assertThat(publisher.sequences).containsExactly(1L, 2L, 3L, 4L);
        assertThat(feed.reads).isEqualTo(1);
        assertThat(relay.publishOnce()).isZero();
        assertThat(publisher.sequences).hasSize(4);
    }

    @Test
    void anInstanceWithoutTheLeasePublishesNothingAndTakingItOverContinuesFromTheSavedPosition() {
        feed.append(changes(3), Instant.EPOCH);
        feed.saveProgress(KafkaAggregatesRelay.NAME, 2); // published by the instance that held the lease before
        lease.held = false;
        relay.appended(feed.entries);

        assertThat(relay.publishOnce()).isZero();
        lease.held = true;
        assertThat(relay.publishOnce()).isEqualTo(1);

        assertThat(publisher.sequences).containsExactly(3L);
    }

    private List<Change> changes(int count) {
        List<Change> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes++;
            list.add(new Change("g1", KEY + "/" + changes, 1, "activities", Period.parse("2026-07"), Map.of(), Map.of("activities", 1L)));
        }
        return list;
    }

    /** Acknowledges every event at once and remembers the feed sequence it carried. */
    private static final class RecordingPublisher extends EventPublisher {

        final List<Long> sequences = new ArrayList<>();

        RecordingPublisher() {
            // A template that never sends (publish is overridden): its producer is made on first use only.
            super(new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(Map.of())), Duration.ofSeconds(1));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> publish(EventEnvelope<?> event) {
            sequences.add(Long.parseLong(((AggregateUpdated) event.data()).cursor()));
            return CompletableFuture.completedFuture(null);
        }
    }

    private static FeedEntry entry(long sequence) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("activities", 1L);
        values.put("participants", 3L);
        return new FeedEntry(sequence, "g1/" + KEY + "@1", KEY, "activities", Period.parse("2026-07"),
                Map.of("site", "05974"), values, Instant.parse("2026-07-14T08:00:00Z"));
    }
}
