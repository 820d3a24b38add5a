package nrw.kinetz.model.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;

/**
 * What consumers need to know about an offering to count it: never who registered.
 *
 * @param offeringId           the offering (also the Kafka key and {@code ce_subject})
 * @param organiserSite        the organising KI; {@code null} when the LaKI organises
 * @param type                 the kind of offering
 * @param focusArea            the focus area it serves (the field of action follows from it)
 * @param title                its title as published
 * @param capacity             seats
 * @param sessions             its dates, in order
 * @param registrationDeadline registration closes at this time
 */
public record OfferingDetails(String offeringId, SiteId organiserSite, OfferingType type, FocusArea focusArea,
        String title, int capacity, List<OfferingSession> sessions, OffsetDateTime registrationDeadline) {

    public OfferingDetails {
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(registrationDeadline, "registrationDeadline");
        sessions = List.copyOf(sessions);
    }
}
