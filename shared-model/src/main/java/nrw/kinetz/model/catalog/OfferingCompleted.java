package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * An offering took place and is closed (`nrw.ki.catalog.offering-completed.v1`); its attendance is final.
 *
 * @param offeringId    the offering
 * @param organiserSite the organising KI; {@code null} when the LaKI organises
 */
public record OfferingCompleted(String offeringId, SiteId organiserSite) {

    public OfferingCompleted {
        Objects.requireNonNull(offeringId, "offeringId");
    }
}
