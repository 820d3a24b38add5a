package nrw.kinetz.model.catalog;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One date of an offering (an offering may run over several days).
 *
 * @param start when it begins, with the Europe/Berlin offset of that day
 * @param end   when it ends; after {@code start}
 */
public record OfferingSession(OffsetDateTime start, OffsetDateTime end) {

    public OfferingSession {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
