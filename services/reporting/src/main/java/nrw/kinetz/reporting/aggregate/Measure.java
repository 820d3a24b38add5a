package nrw.kinetz.reporting.aggregate;

import java.util.List;
import java.util.Optional;

import nrw.kinetz.model.Period;

/**
 * One {@code measure} of the read API ({@code sites}, later {@code activities}, {@code programs},
 * {@code catalog}): a read model's numbers grouped by one {@link Dimension}. A new measure is one more
 * implementation registered as a bean; the endpoint, the parameter checks and the suppression of small
 * cells ({@link Suppression}) are shared and need no change.
 *
 * <p>What a caller may see is decided in one place, {@link Suppression}: read a measure through
 * {@link Suppression#view}, never through {@link #aggregate(Dimension, Optional)} on behalf of anyone but the LaKI.
 */
public interface Measure {

    /** @return the {@code measure} parameter value, e.g. {@code sites} */
    public String name();

    /** @return the numbers of every row, in the order they appear in {@code values} */
    public List<Metric> metrics();

    /** @return the {@code groupBy} values this measure answers, in the order error messages list them */
    public List<Dimension> dimensions();

    /**
     * @param groupBy one of {@link #dimensions()}
     * @param period  the reporting period, empty for "now" / all time; what it means is the measure's to say
     * @return exact numbers
     * @throws IllegalArgumentException if {@code groupBy} is not one of {@link #dimensions()}
     */
    public default Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
        return aggregate(groupBy, period, Suppression.EXACT);
    }

    /**
     * The sums {@link Suppression#show} turns into what a caller sees: every finest cell of the measure enters them
     * as its {@link Suppression#share}, so that no table carries more than the bands of its finest cells. A measure
     * without counts of people may leave this as it is.
     *
     * @param suppression {@link Suppression#EXACT} for exact numbers
     * @throws IllegalArgumentException if {@code groupBy} is not one of {@link #dimensions()}
     */
    public default Aggregation aggregate(Dimension groupBy, Optional<Period> period, Suppression suppression) {
        if (!suppression.exact() && metrics().stream().anyMatch(Metric::countsPeople)) {
            throw new UnsupportedOperationException("measure " + name() + " counts people and must add up shares");
        }
        return aggregate(groupBy, period);
    }

    /**
     * @return the dimensions this measure can cross in one grouping ({@code groupBy=month,site,focusArea}); empty
     *         for a measure that groups by one dimension only
     */
    public default List<Dimension> crossable() {
        return List.of();
    }

    /**
     * The sums of a grouping by one dimension or by several crossed: a crossed row is every combination of groups
     * that holds at least one finest cell. Like {@link #aggregate(Dimension, Optional, Suppression)}, every finest
     * cell enters as its {@link Suppression#share}.
     *
     * @param groupBy one of {@link #dimensions()}, or two or more distinct ones of {@link #crossable()}
     * @throws IllegalArgumentException for a crossing this measure does not support
     */
    public default Aggregation aggregate(List<Dimension> groupBy, Optional<Period> period, Suppression suppression) {
        if (groupBy.size() == 1) {
            return aggregate(groupBy.get(0), period, suppression);
        }
        if (!crossable().containsAll(groupBy)) {
            throw new IllegalArgumentException("measure " + name() + " cannot cross " + groupBy);
        }
        return cross(groupBy, period, suppression);
    }

    /**
     * The sums of two or more of {@link #crossable()} crossed, as {@link #aggregate(List, Optional, Suppression)}
     * answers them once it has checked the grouping; only a measure with crossable dimensions is asked.
     */
    public default Aggregation cross(List<Dimension> groupBy, Optional<Period> period, Suppression suppression) {
        throw new IllegalArgumentException("measure " + name() + " cannot cross " + groupBy);
    }
}
