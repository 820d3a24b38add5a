package nrw.kinetz.programs.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.EventTypes;

/**
 * An event exactly as it is published, kept inside the document whose change it announces: the payload as its
 * JSON text, so a re-publication after a crash is identical and carries the same {@code ce_id}.
 */
public record StoredEvent(String eventId, String type, String source, String time, String subject, String data) {

    /** The field of a document that holds its events, oldest first. */
    public static final String EVENTS = "events";
    /** The field of a document that holds the ids of its events not yet published. */
    public static final String PENDING = "pendingEventIds";

    public static StoredEvent of(EventEnvelope<?> event) {
        return new StoredEvent(event.id().toString(), event.type().name(), event.source().toString(),
                event.time().toString(), event.subject(), EventJson.mapper().writeValueAsString(event.data()));
    }

    public static List<StoredEvent> all(List<EventEnvelope<?>> events) {
        return events.stream().map(StoredEvent::of).toList();
    }

    public static Object[] ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::eventId).toArray();
    }

    /** The record {@link CloudEventsKafka#toRecord(EventEnvelope)} makes of the event, from what is stored: no mapping. */
    public ProducerRecord<String, byte[]> toRecord() {
        return CloudEventsKafka.toRecord(eventId, source, eventType(), time, subject, data.getBytes(StandardCharsets.UTF_8));
    }

    public UUID id() {
        return UUID.fromString(eventId);
    }

    private EventType<?> eventType() {
        return EventTypes.byName(type)
                .orElseThrow(() -> new IllegalStateException("stored event " + eventId + " has unknown type " + type));
    }
}
