package nrw.kinetz.catalog.offering;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.offering.domain.Seats;
import nrw.kinetz.catalog.support.StoredEvent;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.event.EventEnvelope;

/**
 * Offerings on MongoDB with single-document writes only, atomic on every MongoDB (replica set or not, and on
 * the embedded wire server): no transactions. Taking a seat is one guarded update ({@code freeSeats > 0});
 * giving one up and promoting the next in line is one update guarded by the seat version, retried when
 * someone else changed the seats in between. Every write carries the events that announce it.
 */
@Component
public class OfferingStore {

    static final String COLLECTION = "offerings";

    /** Seat changes that lost a race try again; a few hundred concurrent ones settle well within this. */
    private static final int MAX_ATTEMPTS = 1000;

    private final MongoTemplate mongo;

    OfferingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoredOffering> find(String offeringId) {
        Query query = query(where("_id").is(offeringId));
        query.fields().exclude(OfferingDocument.OUTBOX);
        return Optional.ofNullable(mongo.findOne(query, OfferingDocument.class)).map(OfferingDocument::toStored);
    }

    boolean insert(Offering offering, Instant now, List<EventEnvelope<?>> events) {
        try {
            mongo.insert(OfferingDocument.newOffering(offering, now, stored(events)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Replaces details, status and seats if neither the details nor the seats changed since they were read.
     *
     * @return {@code false} if someone changed the offering or its seats in between (nothing was written)
     */
    boolean update(Offering offering, long expectedVersion, long expectedSeatVersion, Seats seats, Instant now,
            List<EventEnvelope<?>> events) {
        Update update = new Update()
                .set(OfferingDocument.TYPE, offering.type().name())
                .set(OfferingDocument.FOCUS_AREA, offering.focusArea().name())
                .set("field", offering.focusArea().field().name())
                .set("title", offering.title())
                .set("description", offering.description())
                .set("audience", offering.audience())
                .set("place", offering.place())
                .set("onlineLink", offering.onlineLink() == null ? null : offering.onlineLink().toString())
                .set("capacity", offering.capacity())
                .set("sessions", OfferingDocument.sessions(offering))
                .set(OfferingDocument.FIRST_START, OfferingDocument.instant(offering.firstStart()))
                .set(OfferingDocument.LAST_END, OfferingDocument.instant(offering.lastEnd()))
                .set("registrationDeadline", offering.registrationDeadline().toString())
                .set("cancellationDeadline", offering.cancellationDeadline().toString())
                .set(OfferingDocument.STATUS, offering.status().name())
                .set("changedAt", now.toString())
                .set(OfferingDocument.FREE_SEATS, seats.free())
                .set(OfferingDocument.SEAT_HOLDERS, seats.holders())
                .set(OfferingDocument.WAITLIST, seats.waitlist())
                .inc(OfferingDocument.VERSION, 1)
                .inc(OfferingDocument.SEAT_VERSION, 1);
        pushEvents(update, events);
        Query current = query(where("_id").is(offering.id()).and(OfferingDocument.VERSION).is(expectedVersion)
                .and(OfferingDocument.SEAT_VERSION).is(expectedSeatVersion));
        return mongo.updateFirst(current, update, OfferingDocument.class).getModifiedCount() == 1;
    }

    /** Where a confirmed registration ended up. */
    public enum SeatOutcome {
        CONFIRMED, WAITLISTED,
        /** The offering is not published (any more): nobody takes a seat or joins the waiting list. */
        CLOSED
    }

    /**
     * Gives {@code registrationId} a free seat, or a place at the end of the waiting list when every seat is
     * taken. Asking again for a registration that holds a seat or waits answers where it is and changes nothing.
     *
     * @param announce the event announcing the outcome, CONFIRMED or WAITLISTED
     */
    public SeatOutcome takeSeat(String offeringId, String registrationId,
            Function<RegistrationStatus, EventEnvelope<?>> announce) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Criteria notYetIn = where("_id").is(offeringId).and(OfferingDocument.STATUS).is(OfferingStatus.PUBLISHED.name())
                    .and(OfferingDocument.SEAT_HOLDERS).ne(registrationId);
            Query freeSeat = query(Criteria.where("_id").is(offeringId).andOperator(notYetIn,
                    where(OfferingDocument.WAITLIST).ne(registrationId), where(OfferingDocument.FREE_SEATS).gt(0)));
            Update seat = new Update().inc(OfferingDocument.FREE_SEATS, -1).push(OfferingDocument.SEAT_HOLDERS, registrationId)
                    .inc(OfferingDocument.SEAT_VERSION, 1);
            pushEvents(seat, List.of(announce.apply(RegistrationStatus.CONFIRMED)));
            if (mongo.updateFirst(freeSeat, seat, OfferingDocument.class).getModifiedCount() == 1) {
                return SeatOutcome.CONFIRMED;
            }
            Query full = query(Criteria.where("_id").is(offeringId).andOperator(notYetIn,
                    where(OfferingDocument.WAITLIST).ne(registrationId), where(OfferingDocument.FREE_SEATS).lte(0)));
            Update queue = new Update().push(OfferingDocument.WAITLIST, registrationId).inc(OfferingDocument.SEAT_VERSION, 1);
            pushEvents(queue, List.of(announce.apply(RegistrationStatus.WAITLISTED)));
            if (mongo.updateFirst(full, queue, OfferingDocument.class).getModifiedCount() == 1) {
                return SeatOutcome.WAITLISTED;
            }
            // Neither matched: it is in already, the offering closed, or a seat freed up between the two tries.
            StoredOffering now = find(offeringId).orElse(null);
            if (now == null || now.offering().status() != OfferingStatus.PUBLISHED) {
                return SeatOutcome.CLOSED;
            }
            if (now.seats().holders().contains(registrationId)) {
                return SeatOutcome.CONFIRMED;
            }
            if (now.seats().waitlist().contains(registrationId)) {
                return SeatOutcome.WAITLISTED;
            }
        }
        throw new IllegalStateException("could not take a seat on " + offeringId + " after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Gives up the seat or place in line of {@code registrationId} and promotes the first in line into a freed
     * seat, in one write.
     *
     * @param announce the events of the change (cancelled, promoted)
     * @return the change, empty if the registration held neither a seat nor a place (nothing was written)
     */
    public Optional<Seats.Change> release(String offeringId, String registrationId,
            Function<Seats.Change, List<EventEnvelope<?>>> announce) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredOffering current = find(offeringId).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            Seats.Change change = current.seats().release(registrationId);
            if (!change.released()) {
                return Optional.empty();
            }
            Update update = new Update().set(OfferingDocument.FREE_SEATS, change.seats().free())
                    .set(OfferingDocument.SEAT_HOLDERS, change.seats().holders())
                    .set(OfferingDocument.WAITLIST, change.seats().waitlist())
                    .inc(OfferingDocument.SEAT_VERSION, 1);
            pushEvents(update, announce.apply(change));
            Query unchanged = query(where("_id").is(offeringId).and(OfferingDocument.SEAT_VERSION).is(current.seatVersion()));
            if (mongo.updateFirst(unchanged, update, OfferingDocument.class).getModifiedCount() == 1) {
                return Optional.of(change);
            }
        }
        throw new IllegalStateException("could not release a seat on " + offeringId + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** What recording a check-in did. */
    public enum AttendanceOutcome {
        RECORDED, ALREADY_RECORDED, NOT_CONFIRMED
    }

    /** Records that a seat holder attended {@code session}; a second check-in records nothing. */
    public AttendanceOutcome recordAttendance(String offeringId, String registrationId, int session, EventEnvelope<?> event) {
        String key = registrationId + ":" + session;
        Query query = query(Criteria.where("_id").is(offeringId).andOperator(
                where(OfferingDocument.SEAT_HOLDERS).is(registrationId), where(OfferingDocument.ATTENDANCE).ne(key)));
        Update update = new Update().push(OfferingDocument.ATTENDANCE, key);
        pushEvents(update, List.of(event));
        if (mongo.updateFirst(query, update, OfferingDocument.class).getModifiedCount() == 1) {
            return AttendanceOutcome.RECORDED;
        }
        return find(offeringId).filter(o -> o.attendance().contains(key)).isPresent()
                ? AttendanceOutcome.ALREADY_RECORDED : AttendanceOutcome.NOT_CONFIRMED;
    }

    /** Offerings matching {@code filter} by first session, {@code offset} and {@code limit} applied. */
    public List<StoredOffering> list(OfferingFilter filter, int offset, int limit) {
        Query query = query(criteria(filter)).with(Sort.by(OfferingDocument.FIRST_START, "_id")).skip(offset).limit(limit);
        query.fields().exclude(OfferingDocument.OUTBOX);
        return mongo.find(query, OfferingDocument.class).stream().map(OfferingDocument::toStored).toList();
    }

    public long count(OfferingFilter filter) {
        return mongo.count(query(criteria(filter)), OfferingDocument.class);
    }

    /** Offerings of completed offerings whose last session ended before {@code before}. */
    public List<String> completedEndingBefore(Instant before) {
        Query query = query(where(OfferingDocument.STATUS).is(OfferingStatus.COMPLETED.name())
                .and(OfferingDocument.LAST_END).lt(OfferingDocument.instant(before.atOffset(java.time.ZoneOffset.UTC))));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Offerings whose events are not all published yet, each with its pending events in order. */
    /** Reads how many offerings have events still to publish. */
    LongSupplier backlog() {
        return RelayBacklog.documentsWithPending(mongo, COLLECTION, OfferingDocument.OUTBOX);
    }

    List<PendingEvents> pending(int maxOfferings) {
        Query query = query(where(OfferingDocument.OUTBOX + ".0").exists(true)).limit(maxOfferings);
        query.fields().include(OfferingDocument.OUTBOX);
        List<PendingEvents> pending = new ArrayList<>();
        for (OutboxOnly document : mongo.find(query, OutboxOnly.class, COLLECTION)) {
            pending.add(new PendingEvents(document.id(),
                    OfferingDocument.orEmpty(document.outbox()).stream().<EventEnvelope<?>>map(StoredEvent::toEnvelope).toList()));
        }
        return pending;
    }

    /** Takes these events out of the offering's outbox; they are not relayed again. */
    void published(String offeringId, List<UUID> eventIds) {
        Update update = new Update().pull(OfferingDocument.OUTBOX,
                new Document(StoredEvent.EVENT_ID, new Document("$in", eventIds.stream().map(UUID::toString).toList())));
        mongo.updateFirst(query(where("_id").is(offeringId)), update, COLLECTION);
    }

    private static void pushEvents(Update update, List<EventEnvelope<?>> events) {
        if (!events.isEmpty()) {
            update.push(OfferingDocument.OUTBOX).each(stored(events).toArray());
        }
    }

    private static List<StoredEvent> stored(List<EventEnvelope<?>> events) {
        return events.stream().map(StoredEvent::of).toList();
    }

    private static Criteria criteria(OfferingFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.endingAfter() != null) {
            all.add(where(OfferingDocument.LAST_END).gt(OfferingDocument.instant(filter.endingAfter().atOffset(java.time.ZoneOffset.UTC))));
        }
        if (!filter.focusAreas().isEmpty()) {
            all.add(where(OfferingDocument.FOCUS_AREA).in(filter.focusAreas().stream().map(Enum::name).sorted().toList()));
        }
        if (!filter.organisers().isEmpty()) {
            all.add(where(OfferingDocument.ORGANISER).in(filter.organisers().stream().sorted().toList()));
        }
        if (!filter.types().isEmpty()) {
            all.add(where(OfferingDocument.TYPE).in(filter.types().stream().map(Enum::name).sorted().toList()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(where(OfferingDocument.STATUS).in(filter.statuses().stream().map(Enum::name).sorted().toList()));
        }
        if (filter.freeSeatsOnly()) {
            all.add(where(OfferingDocument.FREE_SEATS).gt(0));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** The part of an offering document the relay reads. */
    record OutboxOnly(@Id String id, List<StoredEvent> outbox) {
    }

    /** Events of one offering that still have to go to Kafka, oldest first. */
    record PendingEvents(String offeringId, List<EventEnvelope<?>> events) {

        PendingEvents {
            events = List.copyOf(events);
        }
    }
}
