package nrw.kinetz.reporting.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nrw.kinetz.infra.csv.CsvWriter;

/**
 * An aggregate as CSV for people with spreadsheets, written by {@link CsvWriter} (UTF-8 with a byte order
 * mark, {@code ;}, decimal comma, a withheld cell as {@code .}, guarded against formula injection).
 *
 * <p>Columns: the row key as in JSON (e.g. {@code 05974}, {@code FRUEHE_BILDUNG}), the German label, then
 * one column per metric headed by its German name. The last row is the total, with an empty key. Numbers
 * are written without a thousands separator, so {@code 1234} cannot be misread as a date or as 1.234; all
 * metrics are whole numbers, so no decimal sign occurs (it would be a comma). The period is not a column but
 * part of the file name: a bare {@code 2026-07} in a cell is turned into a date by Excel.
 */
public final class AggregateCsv {

    public static final String KEY_HEADING = "Schlüssel";
    public static final String LABEL_HEADING = "Bezeichnung";
    public static final String TOTAL_LABEL = "Insgesamt";

    private AggregateCsv() {
    }

    /** What the heading of a count of people adds for everyone but the LaKI: the figures are not exact. */
    public static final String ROUNDED = " (gerundet)";

    /** @return the whole file with exact numbers, starting with the byte order mark */
    public static String write(AggregateReport report, List<Metric> metrics) {
        return write(report, metrics, true);
    }

    /**
     * @param exact whether the report has exact numbers; otherwise every count of people is headed as rounded
     *              (docs/architecture.md#suppression), since rows need not add up to the total
     * @return the whole file, starting with the byte order mark
     */
    public static String write(AggregateReport report, List<Metric> metrics, boolean exact) {
        List<String> header = new ArrayList<>(List.of(KEY_HEADING, LABEL_HEADING));
        metrics.forEach(metric -> header.add(metric.label() + (exact || !metric.countsPeople() ? "" : ROUNDED)));
        CsvWriter csv = new CsvWriter().row(header);
        for (AggregateRow row : report.rows()) {
            csv.row(cells(row.key(), row.label(), row.values(), metrics));
        }
        csv.row(cells("", TOTAL_LABEL, report.total(), metrics));
        return csv.toString();
    }

    /** e.g. {@code activities-regierungsbezirk-2026-Q3.csv} ({@code activities-month-site-focusArea-2026.csv} for a crossed grouping), or without the period when none was asked for */
    public static String fileName(AggregateReport report) {
        return report.measure() + "-" + report.groupBy().replace(AggregateQuery.CROSS, "-") + (report.period() == null ? "" : "-" + report.period()) + ".csv";
    }

    private static List<String> cells(String key, String label, Map<String, CellValue> values, List<Metric> metrics) {
        List<String> cells = new ArrayList<>(List.of(key, label));
        metrics.forEach(metric -> cells.add(cell(values.get(metric.name()))));
        return cells;
    }

    public static String cell(CellValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CellValue.Count count) {
            return Long.toString(count.value());
        }
        if (value instanceof CellValue.Amount amount) {
            return CsvWriter.decimal(amount.value());
        }
        return CsvWriter.SUPPRESSED;
    }
}
