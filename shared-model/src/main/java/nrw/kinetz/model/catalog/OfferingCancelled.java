package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * An offering was cancelled (`nrw.ki.catalog.offering-cancelled.v1`); its registrations no longer count as seats.
 *
 * @param offeringId    the offering
 * @param organiserSite the organising KI; {@code null} when the LaKI organises
 */
public record OfferingCancelled(String offeringId, SiteId organiserSite) {

    public OfferingCancelled {
        Objects.requireNonNull(offeringId, "offeringId");
    }
}
