package nrw.kinetz.reporting.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small-cell suppression (DESIGN.md §4.6), the one place that decides what a caller may see: outside the
 * LaKI role, a count of people from 1 to 4 becomes {@link CellValue#SUPPRESSED}. Counts of things (sites,
 * activities) are not about people and pass unchanged for everyone.
 *
 * <p>Only the primary rule is here. The secondary rule (a second cell withheld where a total would reveal
 * the first) needs a measure with people counts to be tested against and comes with the activities measure.
 */
public final class Suppression {

    static final long SMALLEST_SHOWN = 5;

    private Suppression() {
    }

    /**
     * @param exact              what the measure computed
     * @param metrics            the measure's metrics, to tell people counts from other counts
     * @param seesExactNumbers   {@code true} for the LaKI
     * @return {@code exact} itself for the LaKI, otherwise a copy with small people counts withheld
     */
    public static Aggregation apply(Aggregation exact, List<Metric> metrics, boolean seesExactNumbers) {
        Set<String> people = metrics.stream().filter(Metric::countsPeople).map(Metric::name).collect(Collectors.toSet());
        if (seesExactNumbers || people.isEmpty()) {
            return exact;
        }
        List<AggregateRow> rows = exact.rows().stream()
                .map(row -> new AggregateRow(row.key(), row.label(), withhold(row.values(), people)))
                .toList();
        return new Aggregation(rows, withhold(exact.total(), people));
    }

    private static Map<String, CellValue> withhold(Map<String, CellValue> values, Set<String> people) {
        Map<String, CellValue> shown = new LinkedHashMap<>();
        values.forEach((metric, value) -> shown.put(metric, people.contains(metric) && isSmall(value) ? CellValue.SUPPRESSED : value));
        return shown;
    }

    private static boolean isSmall(CellValue value) {
        return value instanceof CellValue.Count count && count.value() > 0 && count.value() < SMALLEST_SHOWN;
    }
}
