package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * A person confirmed a registration by e-mail while every seat was taken and is on the waiting list (`nrw.ki.catalog.registration-waitlisted.v1`).
 * Carries ids and the status only: name, e-mail address and organisation never leave the catalog.
 *
 * @param registrationId the registration (a random id that says nothing about the person)
 * @param offeringId     the offering
 * @param organiserSite  the organising KI; {@code null} when the LaKI organises
 * @param status         the registration's status after this fact: WAITLISTED
 */
public record RegistrationWaitlisted(String registrationId, String offeringId, SiteId organiserSite, RegistrationStatus status) {

    public RegistrationWaitlisted {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(status, "status");
    }
}
