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
 * @param measure the measure to compute
 * @param groupBy one of the measure's dimensions
 * @param period  empty when the caller gave none
 */
public record AggregateQuery(Measure measure, Dimension groupBy, Optional<Period> period) {

    public static final String MEASURE = "measure";
    public static final String GROUP_BY = "groupBy";
    public static final String PERIOD = "period";

    public AggregateQuery {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(period, "period");
        if (!measure.dimensions().contains(groupBy)) {
            throw new IllegalArgumentException(measure.name() + " cannot be grouped by " + groupBy);
        }
    }

    /**
     * What a caller is shown for this question: the public view {@link Suppression#view} decides.
     * Every public read of an aggregate (the aggregates API, the OData feed) answers through here, so that no
     * two of them can show the same caller different cells for the same grain.
     *
     * @param seesExactNumbers {@code true} for the LaKI
     */
    public Aggregation answer(boolean seesExactNumbers) {
        return Suppression.view(measure, groupBy, period, seesExactNumbers);
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
        Dimension dimension = parseGroupBy(known, groupBy, problems);
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
        return new AggregateQuery(known, dimension, parsedPeriod);
    }

    private static Dimension parseGroupBy(Measure measure, String groupBy, List<InvalidAggregateQueryException.Problem> problems) {
        List<Dimension> allowed = measure == null ? Arrays.asList(Dimension.values()) : measure.dimensions();
        String allowedText = (measure == null ? "allowed: " : "allowed for measure " + measure.name() + ": ")
                + allowed.stream().map(Dimension::parameter).collect(Collectors.joining(", "));
        if (isBlank(groupBy)) {
            problems.add(problem(GROUP_BY, "groupBy is required; " + allowedText));
            return null;
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
        return dimension.get();
    }

    private static InvalidAggregateQueryException.Problem problem(String parameter, String detail) {
        return new InvalidAggregateQueryException.Problem(parameter, detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
