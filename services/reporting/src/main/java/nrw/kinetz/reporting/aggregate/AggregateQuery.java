package nrw.kinetz.reporting.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Period;

/**
 * A checked {@code GET /api/v1/aggregates} question: a known measure, a grouping that measure supports and
 * an optional well-formed period.
 *
 * @param measure  the measure to compute
 * @param grouping one of the measure's dimensions, or up to {@value #MOST_CROSSED} distinct ones it
 *                 {@linkplain Measure#crossable() crosses} ({@code groupBy=month,site,focusArea})
 * @param period   empty when the caller gave none
 */
public record AggregateQuery(Measure measure, List<Dimension> grouping, Optional<Period> period) {

    public static final String MEASURE = "measure";
    public static final String GROUP_BY = "groupBy";
    public static final String PERIOD = "period";
    /** What separates the dimensions of a crossed {@code groupBy}. */
    public static final String CROSS = ",";
    /** More would make tables of mostly single finest cells, which say no more than their parts. */
    public static final int MOST_CROSSED = 3;

    public AggregateQuery {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        grouping = List.copyOf(grouping);
        boolean supported = grouping.size() == 1 ? measure.dimensions().contains(grouping.get(0))
                : grouping.size() <= MOST_CROSSED && grouping.stream().distinct().count() == grouping.size()
                        && measure.crossable().containsAll(grouping);
        if (!supported) {
            throw new IllegalArgumentException(measure.name() + " cannot be grouped by " + grouping);
        }
    }

    /** A grouping by one dimension. */
    public AggregateQuery(Measure measure, Dimension groupBy, Optional<Period> period) {
        this(measure, List.of(Objects.requireNonNull(groupBy, "groupBy")), period);
    }

    /** @return the (first) dimension grouped by */
    public Dimension groupBy() {
        return grouping.get(0);
    }

    /** @return the {@code groupBy} spelling of the contract, echoed in every answer, e.g. {@code month,site,focusArea} */
    public String groupByParameter() {
        return grouping.stream().map(Dimension::parameter).collect(Collectors.joining(CROSS));
    }

    /**
     * What a caller is shown for this question: the public view {@link Suppression#view} decides.
     * Every public read of an aggregate (the aggregates API, the OData feed) answers through here, so that no
     * two of them can show the same caller different cells for the same grain.
     *
     * @param seesExactNumbers {@code true} for the LaKI
     */
    public Aggregation answer(boolean seesExactNumbers) {
        return Suppression.view(measure, grouping, period, seesExactNumbers);
    }

    /**
     * Checks all parameters before failing, so that one answer names every problem.
     *
     * @param period a blank value counts as absent, as an empty form field sends it
     * @throws InvalidAggregateQueryException naming each bad parameter and the values it accepts
     */
    public static AggregateQuery parse(Measures measures, String measure, String groupBy, String period) {
        List<InvalidAggregateQueryException.Problem> problems = new ArrayList<>();
        Measure known = null;
        if (isBlank(measure)) {
            problems.add(problem(MEASURE, "measure is required; allowed: " + String.join(", ", measures.names())));
        } else {
            known = measures.find(measure).orElse(null);
            if (known == null) {
                problems.add(problem(MEASURE, "'" + measure + "' is not a measure; allowed: " + String.join(", ", measures.names())));
            }
        }
        List<Dimension> grouping = parseGroupBy(known, groupBy, problems);
        Optional<Period> parsedPeriod = Optional.empty();
        if (!isBlank(period)) {
            try {
                parsedPeriod = Optional.of(Period.parse(period));
            } catch (InvalidValueException e) {
                problems.add(problem(PERIOD, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAggregateQueryException(problems);
        }
        return new AggregateQuery(known, grouping, parsedPeriod);
    }

    private static List<Dimension> parseGroupBy(Measure measure, String groupBy,
            List<InvalidAggregateQueryException.Problem> problems) {
        List<Dimension> allowed = measure == null ? Arrays.asList(Dimension.values()) : measure.dimensions();
        String allowedText = (measure == null ? "allowed: " : "allowed for measure " + measure.name() + ": ")
                + spell(allowed);
        if (isBlank(groupBy)) {
            problems.add(problem(GROUP_BY, "groupBy is required; " + allowedText));
            return null;
        }
        if (groupBy.contains(CROSS)) {
            return parseCrossing(measure, groupBy, problems);
        }
        Optional<Dimension> dimension = Dimension.fromParameter(groupBy);
        if (dimension.isEmpty()) {
            problems.add(problem(GROUP_BY, "'" + groupBy + "' is not a grouping; " + allowedText));
            return null;
        }
        if (measure != null && !allowed.contains(dimension.get())) {
            problems.add(problem(GROUP_BY, "measure " + measure.name() + " cannot be grouped by "
                    + dimension.get().parameter() + "; " + allowedText));
            return null;
        }
        return List.of(dimension.get());
    }

    /** {@code month,site,focusArea}: distinct dimensions the measure crosses, at most {@value #MOST_CROSSED}. */
    private static List<Dimension> parseCrossing(Measure measure, String groupBy,
            List<InvalidAggregateQueryException.Problem> problems) {
        List<Dimension> crossable = measure == null ? Arrays.asList(Dimension.values()) : measure.crossable();
        String allowedText = measure == null ? "allowed: " + spell(crossable)
                : crossable.isEmpty() ? "measure " + measure.name() + " groups by one dimension only"
                : "crossable for measure " + measure.name() + ": " + spell(crossable);
        List<Dimension> grouping = new ArrayList<>();
        for (String part : groupBy.split(CROSS, -1)) {
            Optional<Dimension> dimension = isBlank(part) ? Optional.empty() : Dimension.fromParameter(part);
            if (dimension.isEmpty()) {
                problems.add(problem(GROUP_BY, "'" + part.strip() + "' is not a grouping; " + allowedText));
                return null;
            }
            if (measure != null && !crossable.contains(dimension.get())) {
                problems.add(problem(GROUP_BY, "measure " + measure.name() + " cannot be crossed by "
                        + dimension.get().parameter() + "; " + allowedText));
                return null;
            }
            if (grouping.contains(dimension.get())) {
                problems.add(problem(GROUP_BY, "'" + groupBy + "' names " + dimension.get().parameter() + " twice"));
                return null;
            }
            grouping.add(dimension.get());
        }
        if (grouping.size() > MOST_CROSSED) {
            problems.add(problem(GROUP_BY, "'" + groupBy + "' crosses " + grouping.size() + " dimensions; at most "
                    + MOST_CROSSED + " can be crossed"));
            return null;
        }
        return List.copyOf(grouping);
    }

    private static String spell(List<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::parameter).collect(Collectors.joining(", "));
    }

    private static InvalidAggregateQueryException.Problem problem(String parameter, String detail) {
        return new InvalidAggregateQueryException.Problem(parameter, detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
