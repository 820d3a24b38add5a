package nrw.kinetz.catalog.offering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.SiteId;

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

    /** The public filter of every list of the catalog (API, calendar, page); bad values are 400 naming the valid ones. */
    public static OfferingFilter parse(String from, List<String> focusArea, List<String> organiserSite, List<String> type,
            boolean freeSeats) {
        List<ProblemError> errors = new ArrayList<>();
        Instant endingAfter = null;
        if (from != null && !from.isBlank()) {
            try {
                endingAfter = LocalDate.parse(from.strip()).atStartOfDay(NetworkTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(ProblemError.at("/from", "'" + from + "' must be an ISO date such as 2027-03-01"));
            }
        }
        Set<FocusArea> areas = parse("focusArea", focusArea, FocusArea::parse, EnumSet.noneOf(FocusArea.class), errors);
        Set<OfferingType> types = parse("type", type, OfferingType::parse, EnumSet.noneOf(OfferingType.class), errors);
        Set<String> organisers = parse("organiserSite", organiserSite,
                value -> value.strip().equalsIgnoreCase("laki") ? OfferingDocument.LAKI : SiteId.of(value.strip()).value(),
                new LinkedHashSet<>(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblemException.badRequest("The filter has " + errors.size() + " bad value(s).", errors);
        }
        return new OfferingFilter(endingAfter, areas, organisers, types, OfferingFilter.PUBLIC, freeSeats);
    }

    private static <T> Set<T> parse(String parameter, List<String> values, Function<String, T> parser, Set<T> parsed,
            List<ProblemError> errors) {
        for (String value : values == null ? List.<String>of() : values) {
            if (value.isBlank()) {
                continue;
            }
            try {
                parsed.add(parser.apply(value));
            } catch (InvalidValueException e) {
                errors.add(ProblemError.at("/" + parameter, e.getMessage()));
            }
        }
        return parsed;
    }

}
