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
import tools.jackson.databind.ObjectWriter;

/**
 * An event exactly as it is published, kept inside the document whose change it announces: the payload as its
 * JSON text, so a re-publication after a crash is identical and carries the same {@code ce_id}.
 */
public record StoredEvent(String eventId, String type, String source, String time, String subject, String data) {

    /** The field of a document that holds its events, oldest first. */
    public static final String EVENTS = "events";
    /** The field of a document that holds the ids of its events not yet published. */
    public static final String PENDING = "pendingEventIds";

    /** A writer per payload class, made once: the mapper's {@code writeValueAsString} looks the serializer up per call. */
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> payloadType) {
            return EventJson.mapper().writerFor(payloadType);
        }
    };

    public static StoredEvent of(EventEnvelope<?> event) {
        return of(event, event.time().toString());
    }

    /**
     * As {@link #of(EventEnvelope)}, with the event's time as text already: for the events of a batch, which share one
     * instant, so it is written once.
     *
     * @param time {@code event.time().toString()}
     */
    public static StoredEvent of(EventEnvelope<?> event, String time) {
        return new StoredEvent(event.id().toString(), event.type().name(), event.source().toString(), time,
                event.subject(), WRITERS.get(event.data().getClass()).writeValueAsString(event.data()));
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
