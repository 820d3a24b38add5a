package nrw.kinetz.catalog.offering;

import java.time.Instant;
import java.util.List;

import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.offering.domain.Seats;

/**
 * An offering as stored.
 *
 * @param version     goes up with every change of the details or the status: the {@code ETag}, and the
 *                    calendar's {@code SEQUENCE}
 * @param seatVersion goes up with every change of the seats
 * @param attendance  {@code registrationId:session} of every check-in
 * @param changedAt   when the details or the status last changed
 */
public record StoredOffering(Offering offering, long version, long seatVersion, Seats seats, List<String> attendance,
        Instant changedAt) {

    public String etag() {
        return "\"" + version + "\"";
    }

    public boolean attended(String registrationId, int session) {
        return attendance.contains(registrationId + ":" + session);
    }
}
