package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * A seat freed up and the first person on the waiting list got it (`nrw.ki.catalog.registration-promoted.v1`).
 * Carries ids and the status only: name, e-mail address and organisation never leave the catalog.
 *
 * @param registrationId the registration (a random id that says nothing about the person)
 * @param offeringId     the offering
 * @param organiserSite  the organising KI; {@code null} when the LaKI organises
 * @param status         the registration's status after this fact: CONFIRMED
 */
public record RegistrationPromoted(String registrationId, String offeringId, SiteId organiserSite, RegistrationStatus status) {

    public RegistrationPromoted {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(status, "status");
    }
}
