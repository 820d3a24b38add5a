package nrw.kinetz.reporting.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.activity.ActivityCsv;

/**
 * An aggregate as CSV for people with spreadsheets (docs/architecture.md#csv): UTF-8 with a byte order mark (without it
 * German Excel reads UTF-8 as Windows-1252 and "Düsseldorf" turns into "DÃ¼sseldorf"), {@code ;} as separator
 * (German Excel splits on {@code ;}, because {@code ,} is its decimal sign), CRLF line ends, a withheld cell
 * written as {@code .} — the sign of German official statistics for "secret" — never as 0 or empty.
 *
 * <p>Columns: the row key as in JSON (e.g. {@code 05974}, {@code FRUEHE_BILDUNG}), the German label, then
 * one column per metric headed by its German name. The last row is the total, with an empty key. Numbers
 * are written without a thousands separator, so {@code 1234} cannot be misread as a date or as 1.234; all
 * metrics are whole numbers, so no decimal sign occurs (it would be a comma). The period is not a column but
 * part of the file name: a bare {@code 2026-07} in a cell is turned into a date by Excel.
 */
public final class AggregateCsv {

    /** The media type the endpoint answers with. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    static final char SEPARATOR = ';';
    static final String BOM = "\uFEFF";
    static final String WITHHELD = ".";
    static final String KEY_HEADING = "Schlüssel";
    static final String LABEL_HEADING = "Bezeichnung";
    static final String TOTAL_LABEL = "Insgesamt";
    private static final String LINE_END = "\r\n";

    private AggregateCsv() {
    }

    /** @return the whole file, starting with the byte order mark */
    public static String write(AggregateReport report, List<Metric> metrics) {
        StringBuilder csv = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(List.of(KEY_HEADING, LABEL_HEADING));
        metrics.forEach(metric -> header.add(metric.label()));
        line(csv, header);
        for (AggregateRow row : report.rows()) {
            line(csv, cells(row.key(), row.label(), row.values(), metrics));
        }
        line(csv, cells("", TOTAL_LABEL, report.total(), metrics));
        return csv.toString();
    }

    /** e.g. {@code activities-regierungsbezirk-2026-Q3.csv}, or without the period when none was asked for */
    public static String fileName(AggregateReport report) {
        return report.measure() + "-" + report.groupBy() + (report.period() == null ? "" : "-" + report.period()) + ".csv";
    }

    private static List<String> cells(String key, String label, Map<String, CellValue> values, List<Metric> metrics) {
        List<String> cells = new ArrayList<>(List.of(key, label));
        metrics.forEach(metric -> cells.add(cell(values.get(metric.name()))));
        return cells;
    }

    static String cell(CellValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CellValue.Count count) {
            return Long.toString(count.value());
        }
        if (value instanceof CellValue.Amount amount) {
            return amount.value().toPlainString().replace('.', ','); // the German decimal comma
        }
        return WITHHELD;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(ActivityCsv.format(cells, SEPARATOR)).append(LINE_END);
    }
}
