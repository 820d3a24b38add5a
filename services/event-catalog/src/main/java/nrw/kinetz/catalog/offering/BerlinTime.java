package nrw.kinetz.catalog.offering;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;

/**
 * Reads the times organisers send: with an offset ({@code 2027-03-10T09:00+01:00}) or, as people say it,
 * Berlin wall time ({@code 2027-03-10T09:00}). Answers with the Berlin offset of that day.
 */
public final class BerlinTime {

    private BerlinTime() {
    }

    /** @throws ApiProblemException 400 at {@code pointer} if the text is no date-time */
    public static OffsetDateTime parse(String text, String pointer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return inBerlin(OffsetDateTime.parse(value));
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(NetworkTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw ApiProblemException.badRequest("'" + value + "' is not a date and time",
                        List.of(ProblemError.at(pointer, "must be a date and time such as 2027-03-10T09:00 (Berlin time) "
                                + "or 2027-03-10T09:00+01:00")));
            }
        }
    }

    public static OffsetDateTime inBerlin(OffsetDateTime time) {
        return time.atZoneSameInstant(NetworkTime.ZONE).toOffsetDateTime();
    }
}
