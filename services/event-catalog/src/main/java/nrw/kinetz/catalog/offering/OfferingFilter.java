package nrw.kinetz.catalog.offering;

import java.time.Instant;
import java.util.Set;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * Which offerings a list shows. Within one criterion any value matches, across criteria all must match; an
 * empty set does not filter.
 *
 * @param endingAfter    only offerings whose last session ends after this instant; null: all
 * @param organisers     site ids, or {@code laki} for the LaKI's own offerings
 * @param freeSeatsOnly  only offerings with a free seat
 */
public record OfferingFilter(Instant endingAfter, Set<FocusArea> focusAreas, Set<String> organisers,
        Set<OfferingType> types, Set<OfferingStatus> statuses, boolean freeSeatsOnly) {

    /** What the public sees: everything but drafts. */
    public static final Set<OfferingStatus> PUBLIC = Set.of(OfferingStatus.PUBLISHED, OfferingStatus.CANCELLED,
            OfferingStatus.COMPLETED);

    public OfferingFilter {
        focusAreas = Set.copyOf(focusAreas);
        organisers = Set.copyOf(organisers);
        types = Set.copyOf(types);
        statuses = Set.copyOf(statuses);
    }
}
