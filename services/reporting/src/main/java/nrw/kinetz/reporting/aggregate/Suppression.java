package nrw.kinetz.reporting.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small-cell suppression (docs/architecture.md#suppression), the one place that decides what a caller may see. The LaKI sees
 * exact numbers; everyone else sees people counts withheld by two rules, applied to each people metric
 * (column) of a table on its own:
 *
 * <ol>
 * <li><b>Primary:</b> a count of people from 1 to 4 — in a row or in the total — becomes
 * {@link CellValue#SUPPRESSED}. 0 is shown: it identifies no one, and a withheld 0 would read as 1 to 4.</li>
 * <li><b>Secondary:</b> the rows of every table this service answers add up to its total (each activity lies
 * in exactly one group of any grouping). If the total of a column is shown and exactly one row cell of that
 * column is withheld, total minus the shown rows would give that cell away. Then the smallest other
 * non-zero cell of the column that is still shown is withheld too (on a tie the first in row order). With
 * two withheld cells the reader learns only their sum. A zero is never chosen: it would be withheld as if
 * it were 1 to 4. (If no such cell existed the total would equal the withheld cell and thus be 1 to 4,
 * so the primary rule has already withheld it.)</li>
 * </ol>
 *
 * <p>Counts of things (sites, activities, sessions, hours) are not about people and pass unchanged. What
 * the rules protect is one table at a time: differences between tables (a site's cells against its
 * Regierungsbezirk, a month against its quarter) are not controlled, and two withheld cells whose sum is 2
 * or 8 could still be pinned down — the limits of a rule simple enough to state in one paragraph.
 */
public final class Suppression {

    static final long SMALLEST_SHOWN = 5;

    private Suppression() {
    }

    /**
     * @param exact            what the measure computed
     * @param metrics          the measure's metrics, to tell people counts from other counts
     * @param seesExactNumbers {@code true} for the LaKI
     * @return {@code exact} itself for the LaKI, otherwise a copy with small people counts withheld by the
     *         primary and the secondary rule
     */
    public static Aggregation apply(Aggregation exact, List<Metric> metrics, boolean seesExactNumbers) {
        Set<String> people = peopleMetrics(metrics);
        if (seesExactNumbers || people.isEmpty()) {
            return exact;
        }
        List<Map<String, CellValue>> rows = new ArrayList<>();
        exact.rows().forEach(row -> rows.add(withhold(row.values(), people)));
        Map<String, CellValue> total = withhold(exact.total(), people);
        for (String metric : people) {
            protectTheOnlyWithheldCell(metric, rows, total);
        }
        List<AggregateRow> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AggregateRow row = exact.rows().get(i);
            shown.add(new AggregateRow(row.key(), row.label(), rows.get(i)));
        }
        return new Aggregation(shown, total);
    }

    /**
     * The primary rule alone, for one aggregate shown on its own (a feed entry, a live event): it has no total
     * in the same answer that could give a withheld cell away.
     *
     * @return {@code values} itself for the LaKI, otherwise a copy with people counts from 1 to 4 withheld
     */
    public static Map<String, CellValue> applyToOne(Map<String, CellValue> values, List<Metric> metrics,
            boolean seesExactNumbers) {
        Set<String> people = peopleMetrics(metrics);
        return seesExactNumbers || people.isEmpty() ? values : withhold(values, people);
    }

    /** The secondary rule for one column; {@code rows} and {@code total} are changed in place. */
    private static void protectTheOnlyWithheldCell(String metric, List<Map<String, CellValue>> rows,
            Map<String, CellValue> total) {
        if (!(total.get(metric) instanceof CellValue.Count)) {
            return;
        }
        long withheld = rows.stream().filter(row -> row.get(metric) == CellValue.SUPPRESSED).count();
        if (withheld != 1) {
            return;
        }
        int smallest = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(metric) instanceof CellValue.Count count && count.value() > 0
                    && (smallest < 0 || count.value() < ((CellValue.Count) rows.get(smallest).get(metric)).value())) {
                smallest = i;
            }
        }
        if (smallest >= 0) {
            rows.get(smallest).put(metric, CellValue.SUPPRESSED);
        } else {
            total.put(metric, CellValue.SUPPRESSED);
        }
    }

    private static Set<String> peopleMetrics(List<Metric> metrics) {
        return metrics.stream().filter(Metric::countsPeople).map(Metric::name).collect(Collectors.toSet());
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
