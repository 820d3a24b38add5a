package nrw.kinetz.model.catalog;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * The organiser recorded that a registered person attended one session ({@code nrw.ki.catalog.attendance-recorded.v1}).
 * Recorded once per registration and session: checking in twice announces nothing more.
 *
 * @param registrationId the registration
 * @param offeringId     the offering
 * @param organiserSite  the organising KI; {@code null} when the LaKI organises
 * @param session        the session, counted from 1 in the order of the offering's sessions
 */
public record AttendanceRecorded(String registrationId, String offeringId, SiteId organiserSite, int session) {

    public AttendanceRecorded {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(offeringId, "offeringId");
        if (session < 1) {
            throw new IllegalArgumentException("session counts from 1: " + session);
        }
    }
}
