package nrw.kinetz.catalog.offering;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.OfferingType;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.model.SiteId;

/**
 * An offering as the API shows it.
 *
 * @param organiserSite  the organising KI, null when the LaKI organises
 * @param organiserName  "LaKI" or the KI's name
 * @param freeSeats      seats not taken by confirmed registrations
 * @param waitlisted     how many wait for a seat
 * @param version        the version the {@code ETag} names; send it back in {@code If-Match} to change the offering
 */
public record OfferingView(String offeringId, OfferingStatus status, OfferingType type, SiteId organiserSite,
        String organiserName, FocusArea focusArea, Field field, String title, String description, String audience,
        String place, URI onlineLink, int capacity, int freeSeats, int waitlisted, List<OfferingSession> sessions,
        OffsetDateTime registrationDeadline, OffsetDateTime cancellationDeadline, long version) {

    public static OfferingView of(StoredOffering stored) {
        var o = stored.offering();
        return new OfferingView(o.id(), o.status(), o.type(), o.organiserSite().orElse(null), organiserName(stored),
                o.focusArea(), o.focusArea().field(), o.title(), o.description(), o.audience(), o.place(), o.onlineLink(),
                o.capacity(), stored.seats().free(), stored.seats().waitlist().size(),
                o.sessions().stream().map(s -> new OfferingSession(BerlinTime.inBerlin(s.start()), BerlinTime.inBerlin(s.end())))
                        .toList(),
                BerlinTime.inBerlin(o.registrationDeadline()), BerlinTime.inBerlin(o.cancellationDeadline()), stored.version());
    }

    public static String organiserName(StoredOffering stored) {
        return stored.offering().organiserSite()
                .map(site -> KiSites.find(site).map(reference -> "KI " + reference.name()).orElse("KI " + site.value()))
                .orElse("LaKI");
    }
}
