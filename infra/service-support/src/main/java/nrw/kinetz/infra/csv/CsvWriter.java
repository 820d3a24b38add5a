package nrw.kinetz.infra.csv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV for people with German spreadsheets (docs/architecture.md#csv); every CSV download of every
 * service goes through it.
 *
 * <ul>
 * <li>UTF-8 with a byte order mark: without it German Excel reads UTF-8 as Windows-1252 and "Düsseldorf"
 *     turns into "DÃ¼sseldorf".</li>
 * <li>{@code ;} between cells (German Excel splits on it, because {@code ,} is its decimal sign), CRLF line
 *     ends, a cell quoted only when it holds {@code ;}, a quote or a line break.</li>
 * <li>Decimal comma ({@link #decimal}), ISO dates ({@link #date}), a withheld (suppressed) value written as
 *     {@link #SUPPRESSED} — the sign of German official statistics for "secret" — never as 0 or empty.</li>
 * <li>Always guarded against formula injection (OWASP "CSV injection"): a cell a spreadsheet would run as a
 *     formula — one starting with {@code = + - @}, a tab or a carriage return — gets a leading apostrophe.
 *     Plain numbers such as {@code -3} or {@code -1,50} are left alone; they run nothing.</li>
 * </ul>
 *
 * <pre>{@code
 * CsvWriter csv = new CsvWriter().row("site_id", "name", "total_fte");
 * csv.row("05974", "Kreis Soest", CsvWriter.decimal(new BigDecimal("5.5")));
 * byte[] body = csv.toBytes();   // "\uFEFFsite_id;name;total_fte\r\n05974;Kreis Soest;5,5\r\n" in UTF-8
 * }</pre>
 */
public final class CsvWriter {

    /** The media type a CSV download is served with. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    /** The cell of a value withheld to protect small counts of people. */
    public static final String SUPPRESSED = ".";

    static final char SEPARATOR = ';';
    static final String BOM = "\uFEFF";
    static final String LINE_END = "\r\n";

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(,\\d+)?");

    private final StringBuilder csv = new StringBuilder(BOM);

    /** Appends one row; a {@code null} cell is written empty. */
    public CsvWriter row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(SEPARATOR);
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(LINE_END);
        return this;
    }

    /** Appends one row; a {@code null} cell is written empty. */
    public CsvWriter row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** @return the whole file so far, starting with the byte order mark */
    @Override
    public String toString() {
        return csv.toString();
    }

    /** @return the whole file so far in UTF-8, starting with the byte order mark */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the number with a decimal comma and as many decimals as it has, e.g. {@code 5,50}; empty for null */
    public static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }

    /** @return the ISO date, e.g. {@code 2026-07-01}; empty for null */
    public static String date(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    /** One cell as written: disarmed if a spreadsheet would run it, then quoted if it must be. */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String value = FORMULA_STARTS.indexOf(raw.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(raw).matches() ? "'" + raw : raw;
        if (value.indexOf(SEPARATOR) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
