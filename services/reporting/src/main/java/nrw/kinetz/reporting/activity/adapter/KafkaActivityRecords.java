package nrw.kinetz.reporting.activity.adapter;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.Position;

/** Reads records of {@code ki.activities.v1} into facts, for the live listener and for replays alike. */
public final class KafkaActivityRecords {

    private static final Set<String> HANDLED = Set.of(ActivityEventTypes.REPORTED.name(), ActivityEventTypes.RETRACTED.name());

    private KafkaActivityRecords() {
    }

    /**
     * @return the fact, or empty for an event type this read model does not use (a type newer than this
     *         service is not an error and is skipped before parsing)
     * @throws MalformedEventException if the record is not a well-formed activity event
     */
    public static Optional<ActivityFact> fact(ConsumerRecord<String, byte[]> record) {
        Optional<String> type = CloudEventsKafka.typeOf(record.headers());
        if (type.isPresent() && !HANDLED.contains(type.get())) {
            return Optional.empty();
        }
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        Position at = new Position(record.partition(), record.offset());
        if (event.type().equals(ActivityEventTypes.REPORTED)) {
            return Optional.of(ActivityFact.of(event.dataAs(ActivityEventTypes.REPORTED), at));
        }
        return Optional.of(ActivityFact.of(event.dataAs(ActivityEventTypes.RETRACTED), at));
    }
}
