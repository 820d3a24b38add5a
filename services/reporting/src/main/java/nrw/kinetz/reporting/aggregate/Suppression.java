package nrw.kinetz.reporting.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.model.Period;

/**
 * Disclosure control (docs/architecture.md#suppression), the one place that decides what a caller may see of a count
 * of people. The LaKI sees exact numbers; everyone else sees numbers that no combination of reads can turn back
 * into a count from 1 to 4 of a cell or of one activity — not by subtracting tables, periods or revisions.
 *
 * <p><b>The rule</b>, for every metric that {@link Metric#countsPeople() counts people}:
 * <ol>
 * <li>Every <em>finest cell</em> of a measure (an activity cell: site × month × focus area × activity type ×
 * programme; an offering; a programme cell) is put into a band of five: 0 stays 0, 1 to 4 is one band, then 5–9,
 * 10–14 and so on. Nothing finer than the band of a finest cell ever leaves this class.</li>
 * <li>Every table, total and period is the sum of its finest cells' {@linkplain #share shares} — the middle of each
 * cell's band (2 for 1–4, 5k+2 for 5k…5k+4) — and is shown rounded to a multiple of five; a sum from 1 to 4 is
 * withheld ({@link CellValue#SUPPRESSED}). A finest cell alone is thus shown as the bottom of its band
 * ({@code 5} means 5 to 9).</li>
 * </ol>
 * Because every public number is a function of the bands of finest cells, subtracting tables learns nothing
 * beyond those bands; and the band of one cell before and after an activity arrives leaves at least four values
 * open for a count from 1 to 4 (0–3 within a band, 1–4 from 0 into the lowest band). Rows need not add up to
 * the total exactly — every figure is rounded on its own. A metric declared {@link Metric#onlyZeroShown()} (the
 * programmes' people indicators, session places) is shown as 0 or withheld, never as a number.
 *
 * <p>Counts of things (sites, activities, sessions, hours) and amounts (money, full-time equivalents) pass
 * unchanged: no rule of the intake ties them to a number of people (an activity may have no participants).
 */
public final class Suppression {

    /** The smallest count of people shown to everyone; also the width of a band. */
    public static final long SMALLEST_SHOWN = 5;

    /** Exact numbers: the LaKI, and {@code laki.aggregates.v1}. */
    public static final Suppression EXACT = new Suppression(true);

    /** What anonymous callers, {@code viewer} and {@code ki} tokens see. */
    public static final Suppression PUBLIC = new Suppression(false);

    private final boolean exact;

    private Suppression(boolean exact) {
        this.exact = exact;
    }

    /** @param seesExactNumbers {@code true} for the LaKI */
    public static Suppression forCaller(boolean seesExactNumbers) {
        return seesExactNumbers ? EXACT : PUBLIC;
    }

    /** @return whether this caller sees exact numbers */
    public boolean exact() {
        return exact;
    }

    /**
     * The public view of a measure: what a caller may see of one grouping and period. The one entry point for
     * every reader of aggregates (the API, CSV, the live stream, other feeds).
     */
    public static Aggregation view(Measure measure, Dimension groupBy, Optional<Period> period, boolean seesExactNumbers) {
        return view(measure, List.of(groupBy), period, seesExactNumbers);
    }

    /**
     * The public view of a crossed grouping (e.g. month × site × focus area): the same rule, since every row is
     * still a sum of finest cells' shares, however many dimensions pick those cells out.
     *
     * @param groupBy one dimension, or several the measure {@linkplain Measure#crossable() crosses}
     */
    public static Aggregation view(Measure measure, List<Dimension> groupBy, Optional<Period> period, boolean seesExactNumbers) {
        Suppression suppression = forCaller(seesExactNumbers);
        return suppression.show(measure.aggregate(groupBy, period, suppression), measure.metrics());
    }

    /**
     * What one finest cell contributes to this caller's sums. A measure adds these up instead of the exact values
     * when it computes a table for {@link #PUBLIC} ({@link Measure#aggregate(Dimension, Optional, Suppression)}).
     *
     * @param exact the finest cell's exact value, never negative
     * @return {@code exact} itself for the LaKI and for metrics that do not count people; otherwise the middle of
     *         its band: 0, 2 for 1 to 4, 5k+2 for 5k to 5k+4 (1 for any non-zero value of an
     *         {@link Metric#onlyZeroShown()} metric)
     */
    public long share(Metric metric, long exact) {
        if (this.exact || !metric.countsPeople() || exact == 0) {
            return exact;
        }
        if (metric.onlyZeroShown()) {
            return 1;
        }
        if (exact < SMALLEST_SHOWN) {
            return 2;
        }
        return exact - exact % SMALLEST_SHOWN + 2;
    }

    /**
     * @param sums what {@link Measure#aggregate(Dimension, Optional, Suppression)} computed for this caller
     * @return {@code sums} itself for the LaKI; otherwise every people count rounded to a multiple of five, 1 to 4
     *         withheld
     */
    public Aggregation show(Aggregation sums, List<Metric> metrics) {
        if (exact) {
            return sums;
        }
        List<AggregateRow> rows = new ArrayList<>();
        sums.rows().forEach(row -> rows.add(row.withValues(show(row.values(), metrics))));
        return new Aggregation(rows, show(sums.total(), metrics));
    }

    /**
     * One finest cell shown on its own (a feed entry, a live event): its band.
     *
     * @param exact the cell's exact values by metric name
     * @return {@code exact} itself for the LaKI, otherwise with every people count shown as its band
     */
    public Map<String, CellValue> showOne(Map<String, CellValue> exact, List<Metric> metrics) {
        if (this.exact) {
            return exact;
        }
        Map<String, CellValue> shares = new LinkedHashMap<>();
        exact.forEach((name, value) -> {
            Metric metric = find(metrics, name);
            shares.put(name, metric != null && value instanceof CellValue.Count count
                    ? CellValue.of(share(metric, count.value())) : value);
        });
        return show(shares, metrics);
    }

    private Map<String, CellValue> show(Map<String, CellValue> sums, List<Metric> metrics) {
        Map<String, CellValue> shown = new LinkedHashMap<>();
        sums.forEach((name, value) -> {
            Metric metric = find(metrics, name);
            shown.put(name, metric != null && metric.countsPeople() ? rounded(metric, value) : value);
        });
        return shown;
    }

    private static CellValue rounded(Metric metric, CellValue value) {
        if (!(value instanceof CellValue.Count count) || count.value() == 0) {
            return value;
        }
        long sum = count.value();
        if (metric.onlyZeroShown() || sum < SMALLEST_SHOWN) {
            return CellValue.SUPPRESSED;
        }
        return CellValue.of((sum + SMALLEST_SHOWN / 2) / SMALLEST_SHOWN * SMALLEST_SHOWN);
    }

    private static Metric find(List<Metric> metrics, String name) {
        for (Metric metric : metrics) {
            if (metric.name().equals(name)) {
                return metric;
            }
        }
        return null;
    }
}
