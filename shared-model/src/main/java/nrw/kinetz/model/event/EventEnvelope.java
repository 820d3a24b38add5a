package nrw.kinetz.model.event;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain event with its CloudEvents context attributes, independent of how it travels.
 *
 * @param id      {@code ce_id}: unique per event and the idempotency key; a re-publication of the same
 *                fact keeps it, so consumers count it once
 * @param source  {@code ce_source}: {@code /ki/<siteId>} or {@code /services/<service>}
 * @param type    {@code ce_type} with the payload class and topic
 * @param time    {@code ce_time}: when the fact happened, with offset
 * @param subject {@code ce_subject}: the aggregate's id (site id, grant id, offering id, aggregate key);
 *                also the Kafka key, so one aggregate's events stay ordered
 * @param data    the payload record
 */
public record EventEnvelope<T>(UUID id, URI source, EventType<T> type, OffsetDateTime time, String subject, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (!type.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(type.name() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }

    /** A new event with the given id, happening now (UTC, millisecond precision as on the wire). */
    public static <T> EventEnvelope<T> of(UUID id, URI source, EventType<T> type, String subject, T data) {
        return new EventEnvelope<>(id, source, type, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                subject, data);
    }

    /** The payload, typed as {@code expected}; fails if this envelope carries another type. */
    public <P> P dataAs(EventType<P> expected) {
        if (!type.equals(expected)) {
            throw new IllegalStateException("expected " + expected + " but got " + type);
        }
        return expected.payloadType().cast(data);
    }
}
