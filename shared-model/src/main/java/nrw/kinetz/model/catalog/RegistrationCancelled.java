package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * A confirmed or waitlisted registration was cancelled by the person or the organiser (`nrw.ki.catalog.registration-cancelled.v1`); its seat is free.
 * Carries ids and the status only: name, e-mail address and organisation never leave the catalog.
 *
 * @param registrationId the registration (a random id that says nothing about the person)
 * @param offeringId     the offering
 * @param organiserSite  the organising KI; {@code null} when the LaKI organises
 * @param status         the registration's status after this fact: CANCELLED
 */
public record RegistrationCancelled(String registrationId, String offeringId, SiteId organiserSite, RegistrationStatus status) {

    public RegistrationCancelled {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(status, "status");
    }
}
