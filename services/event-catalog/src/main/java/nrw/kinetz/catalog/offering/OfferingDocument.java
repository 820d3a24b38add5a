package nrw.kinetz.catalog.offering;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.offering.domain.Seats;
import nrw.kinetz.catalog.support.StoredEvent;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * One offering in MongoDB: its details ({@code version}, the ETag), its seats ({@code freeSeats},
 * {@code seatHolders}, {@code waitlist}, guarded by {@code seatVersion}), the attendance recorded
 * ({@code registrationId:session}) and the events not yet published ({@code outbox}). One document, so every
 * change and the events announcing it are one atomic write on any MongoDB. {@code organiser} is the site id or
 * {@code laki}; {@code firstStart}/{@code lastEnd} are UTC instants as ISO text, which sort as text.
 */
@Document(OfferingStore.COLLECTION)
record OfferingDocument(@Id String id, long version, long seatVersion, String organiser, String type, String focusArea,
        String field, String title, String description, String audience, String place, String onlineLink, int capacity,
        List<SessionDocument> sessions, String firstStart, String lastEnd, String registrationDeadline,
        String cancellationDeadline, String status, String changedAt, int freeSeats, List<String> seatHolders,
        List<String> waitlist, List<String> attendance, List<StoredEvent> outbox) {

    static final String LAKI = "laki";
    static final String VERSION = "version";
    static final String SEAT_VERSION = "seatVersion";
    static final String ORGANISER = "organiser";
    static final String TYPE = "type";
    static final String FOCUS_AREA = "focusArea";
    static final String STATUS = "status";
    static final String FIRST_START = "firstStart";
    static final String LAST_END = "lastEnd";
    static final String FREE_SEATS = "freeSeats";
    static final String SEAT_HOLDERS = "seatHolders";
    static final String WAITLIST = "waitlist";
    static final String ATTENDANCE = "attendance";
    static final String OUTBOX = "outbox";

    record SessionDocument(String start, String end) {
    }

    static OfferingDocument newOffering(Offering offering, Instant now, List<StoredEvent> events) {
        return new OfferingDocument(offering.id(), 1, 1, organiser(offering), offering.type().name(),
                offering.focusArea().name(), offering.focusArea().field().name(), offering.title(), offering.description(),
                offering.audience(), offering.place(), offering.onlineLink() == null ? null : offering.onlineLink().toString(),
                offering.capacity(), sessions(offering), instant(offering.firstStart()), instant(offering.lastEnd()),
                offering.registrationDeadline().toString(), offering.cancellationDeadline().toString(),
                offering.status().name(), now.toString(), offering.capacity(), List.of(), List.of(), List.of(), events);
    }

    static String organiser(Offering offering) {
        return offering.organiserSite().map(SiteId::value).orElse(LAKI);
    }

    static List<SessionDocument> sessions(Offering offering) {
        return offering.sessions().stream().map(s -> new SessionDocument(s.start().toString(), s.end().toString())).toList();
    }

    static String instant(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    StoredOffering toStored() {
        Offering offering = new Offering(id, LAKI.equals(organiser) ? Optional.empty() : Optional.of(SiteId.of(organiser)),
                OfferingType.valueOf(type), FocusArea.valueOf(focusArea), title, description, audience, place,
                onlineLink == null ? null : URI.create(onlineLink), capacity,
                orEmpty(sessions).stream().map(s -> new OfferingSession(OffsetDateTime.parse(s.start()),
                        OffsetDateTime.parse(s.end()))).toList(),
                OffsetDateTime.parse(registrationDeadline), OffsetDateTime.parse(cancellationDeadline),
                OfferingStatus.valueOf(status));
        return new StoredOffering(offering, version, seatVersion, new Seats(capacity, orEmpty(seatHolders), orEmpty(waitlist)),
                List.copyOf(orEmpty(attendance)), Instant.parse(changedAt));
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
