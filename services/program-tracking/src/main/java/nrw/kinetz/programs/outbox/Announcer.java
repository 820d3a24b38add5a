package nrw.kinetz.programs.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.programs.domain.Fact;

/** Turns what the service decided into events of {@code /services/program-tracking} about a site. */
@Component
public class Announcer {

    public static final String SERVICE_NAME = "program-tracking";

    private static final URI SOURCE = EventSource.service(SERVICE_NAME);
    private static final String SOURCE_TEXT = SOURCE.toString();

    private final Clock clock;

    public Announcer(Clock clock) {
        this.clock = clock;
    }

    /** The facts as events with fresh ids, all at the same instant, in order. */
    public List<EventEnvelope<?>> announce(SiteId siteId, List<? extends Fact<?>> facts) {
        OffsetDateTime now = now();
        return facts.stream().<EventEnvelope<?>>map(fact -> envelope(fact, UUID.randomUUID(), now, siteId)).toList();
    }

    /**
     * The facts as events with ids derived from {@code seed} and their position, for sample data: seeding a wiped
     * store again republishes the same {@code ce_id}s, which consumers count once.
     */
    public List<EventEnvelope<?>> announceSeeded(SiteId siteId, List<? extends Fact<?>> facts, String seed) {
        OffsetDateTime now = now();
        List<EventEnvelope<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            UUID id = UUID.nameUUIDFromBytes((SERVICE_NAME + "/seed/" + seed + "/" + i)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            events.add(envelope(facts.get(i), id, now, siteId));
        }
        return events;
    }

    /** One event with a given id: for facts whose id must be the same every time they are derived (a replay). */
    public <T> EventEnvelope<T> announce(SiteId siteId, EventType<T> type, T payload, UUID id) {
        return announce(siteId, type, payload, id, now());
    }

    /** As {@link #announce(SiteId, EventType, Object, UUID)}, happening {@code at} (from {@link #now()}): for a batch. */
    public <T> EventEnvelope<T> announce(SiteId siteId, EventType<T> type, T payload, UUID id, OffsetDateTime at) {
        return new EventEnvelope<>(id, SOURCE, type, at, siteId.value(), payload);
    }

    /**
     * As {@link #announce(SiteId, EventType, Object, UUID, OffsetDateTime)}, in the form it is stored, with the payload's
     * JSON written by the caller: for the many events of one poll, whose payload the caller writes faster than the
     * mapper does.
     *
     * @param data the payload's JSON, exactly as the events' mapper writes it
     * @param at   {@link #now()} as text ({@code toString()}), written once for the events of a batch
     */
    public StoredEvent announceStored(SiteId siteId, EventType<?> type, String data, UUID id, String at) {
        return new StoredEvent(id.toString(), type.name(), SOURCE_TEXT, at, siteId.value(), data);
    }

    /** The time events announced now carry: UTC, milliseconds, as on the wire. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> EventEnvelope<T> envelope(Fact<T> fact, UUID id, OffsetDateTime time, SiteId siteId) {
        return new EventEnvelope<>(id, SOURCE, fact.type(), time, siteId.value(), fact.payload());
    }
}
