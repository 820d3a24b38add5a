package nrw.kinetz.catalog.support;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.EventTypes;

/**
 * An event waiting in a document's outbox exactly as it will be published: the payload is kept as its JSON
 * text, so a re-publication after a crash is identical, {@code ce_id} included.
 */
public record StoredEvent(String eventId, String type, String source, String time, String subject, String data) {

    public static final String EVENT_ID = "eventId";

    public static StoredEvent of(EventEnvelope<?> event) {
        return new StoredEvent(event.id().toString(), event.type().name(), event.source().toString(),
                event.time().toString(), event.subject(), EventJson.mapper().writeValueAsString(event.data()));
    }

    public EventEnvelope<?> toEnvelope() {
        EventType<?> eventType = EventTypes.byName(type)
                .orElseThrow(() -> new IllegalStateException("stored event " + eventId + " has unknown type " + type));
        return envelope(eventType);
    }

    private <T> EventEnvelope<T> envelope(EventType<T> eventType) {
        return new EventEnvelope<>(UUID.fromString(eventId), URI.create(source), eventType, OffsetDateTime.parse(time),
                subject, EventJson.mapper().readValue(data, eventType.payloadType()));
    }
}
