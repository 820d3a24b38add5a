package nrw.kinetz.model.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CSV form of activity reports, as a clerk exports it from a spreadsheet (docs/architecture.md#csv): a header
 * row with the German {@linkplain #HEADINGS headings} every CSV of the platform uses ({@code Datum},
 * {@code Handlungsfeld}, {@code Teilnehmende}); the names of the JSON form, flat ({@code occurredOn},
 * {@code participants}), are accepted as well, as files made before the headings were German have them. Case,
 * spaces, {@code _}, {@code -} and the spelling of umlauts ({@code ae}, {@code ss}) do not matter. {@code ;} or
 * {@code ,} as separator; UTF-8 with or without BOM; quotes as in RFC 4180.
 *
 * <p>It lives in the contract because two programs must read it identically: the intake, and the push
 * client that splits a large file into batches. A row without an {@code id} gets a name-based id from its
 * site, its content and its occurrence among identical rows of the file ({@link #derivedId}); the client
 * derives it over the whole file before splitting, so uploading the same file twice — directly or in
 * batches — counts nothing twice.
 */
public final class ActivityCsv {

    /** Every column, in the order of the template. */
    public static final List<String> COLUMNS = List.of("id", "site", "occurredOn", "field", "focusArea",
            "activityType", "program", "block", "measureId", "participants", "volunteers", "sessions", "hours", "note");

    /**
     * The heading of each column, in the order of {@link #COLUMNS}: German words as a spreadsheet user reads
     * them, the one naming style of the platform's CSV files (imports and exports).
     */
    public static final Map<String, String> HEADINGS = headings("id", "Kennung", "site", "KI", "occurredOn", "Datum",
            "field", "Feld", "focusArea", "Handlungsfeld", "activityType", "Aktivitätsart", "program", "Programm",
            "block", "Baustein", "measureId", "Maßnahme", "participants", "Teilnehmende", "volunteers", "Ehrenamtliche",
            "sessions", "Termine", "hours", "Stunden", "note", "Notiz");

    /** Columns a header must have; the others may be left out. */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("site", "occurredOn", "field", "focusArea",
            "activityType", "participants", "volunteers", "sessions", "hours");

    /** The metric columns: the JSON form nests them under {@code metrics}. */
    public static final Set<String> METRIC_COLUMNS = Set.of("participants", "volunteers", "sessions", "hours");

    private static final Set<String> CODE_COLUMNS = Set.of("field", "focusArea", "activityType", "program", "block");

    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Namespace of the name-based ids of CSV rows; fixed forever, or re-uploads would count twice. */
    static final UUID ROW_ID_NAMESPACE = UUID.fromString("2ef55bec-b3f4-463b-9fcd-015ee69abb61");

    private static final char BOM = '\uFEFF';

    private ActivityCsv() {
    }

    private static Map<String, String> headings(String... columnAndHeading) {
        Map<String, String> headings = new LinkedHashMap<>();
        for (int i = 0; i < columnAndHeading.length; i += 2) {
            headings.put(columnAndHeading[i], columnAndHeading[i + 1]);
        }
        return Collections.unmodifiableMap(headings);
    }

    /** The German heading of a column ({@code occurredOn} → {@code Datum}). */
    public static String heading(String column) {
        String heading = HEADINGS.get(column);
        if (heading == null) {
            throw new IllegalArgumentException("not a column: " + column);
        }
        return heading;
    }

    /** The header row of the template: every heading, {@code ;}-separated. */
    public static String headerRow() {
        return String.join(";", HEADINGS.values());
    }

    /** A header cell as compared: lower case, without spaces, {@code _}, {@code -}, {@code .}; umlauts spelt out. */
    static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replaceAll("[\\s_.\\-]", "");
    }

    /**
     * Reads the header row and returns a reader for the records after it.
     *
     * @throws MalformedCsvException (line 1) if the header is missing, names an unknown or duplicate column,
     *                               or lacks a required one
     */
    public static Records read(Reader in) throws IOException {
        return new Records(in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 64 * 1024));
    }

    /**
     * The identity of a row for counting identical rows: the site, codes, date, counts, programme, measure
     * and note, written canonically (codes upper case, dates ISO, numbers without leading zeros, blanks
     * trimmed). Two rows that mean the same but were typed slightly differently are identical.
     *
     * @param cells cells by column name ({@link Record#cells()}); the {@code id} cell is ignored
     */
    public static String content(Map<String, String> cells) {
        StringBuilder content = new StringBuilder();
        for (String column : COLUMNS) {
            if (!column.equals("id")) {
                content.append(column).append('=').append(canonical(column, cells.get(column))).append('\n');
            }
        }
        return content.toString();
    }

    /**
     * The id of a row that has none: a name-based UUID (version 5, SHA-1) of the row's {@link #content}
     * (which includes the site) and its occurrence among identical rows.
     *
     * @param occurrence 1 for the first row with this content in the file, 2 for the second, …
     */
    public static UUID derivedId(Map<String, String> cells, int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1, was " + occurrence);
        }
        return nameBased(ROW_ID_NAMESPACE, content(cells) + "#" + occurrence);
    }

    /** One CSV line (without line break) with cells quoted where needed, for writing rows back out. */
    public static String format(List<String> cells, char separator) {
        return cells.stream().map(cell -> quoted(cell == null ? "" : cell, separator))
                .collect(Collectors.joining(String.valueOf(separator)));
    }

    private static String quoted(String cell, char separator) {
        if (cell.indexOf(separator) < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String canonical(String column, String cell) {
        String value = cell == null ? "" : cell.strip();
        if (CODE_COLUMNS.contains(column)) {
            return value.toUpperCase(Locale.ROOT);
        }
        if (column.equals("occurredOn")) {
            Matcher german = GERMAN_DATE.matcher(value);
            return german.matches()
                    ? german.group(3) + "-" + pad(german.group(2)) + "-" + pad(german.group(1))
                    : value;
        }
        if (METRIC_COLUMNS.contains(column) && DIGITS.matcher(value).matches()) {
            String stripped = value.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return value;
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** RFC 4122 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
    static UUID nameBased(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (long half : new long[] {namespace.getMostSignificantBits(), namespace.getLeastSignificantBits()}) {
                for (int shift = 56; shift >= 0; shift -= 8) {
                    sha1.update((byte) (half >>> shift));
                }
            }
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(most, least);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /**
     * One data row.
     *
     * @param line    the physical line the row starts on (the header is line 1); a quoted cell may span lines
     * @param cells   cells by column name, as written (not trimmed); columns the header lacks are absent
     * @param problem why the row cannot be read (wrong number of cells, broken quotes), or {@code null}
     */
    public record Record(int line, Map<String, String> cells, String problem) {

        public boolean readable() {
            return problem == null;
        }
    }

    /** The header or the file as a whole cannot be read; nothing in it is usable. */
    public static final class MalformedCsvException extends IllegalArgumentException {

        private final int line;

        public MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** @return the physical line of the problem (1 = the header) */
        public int line() {
            return line;
        }
    }

    /** Streams the records of one CSV text; not thread-safe. */
    public static final class Records {

        private final BufferedReader in;
        private final char separator;
        private final List<String> columns;
        private int line = 1;
        private boolean atEnd;

        private Records(BufferedReader in) throws IOException {
            this.in = in;
            in.mark(1);
            int first = in.read();
            if (first != BOM && first != -1) {
                in.reset();
            }
            String header = readHeaderLine();
            if (header == null || header.isBlank()) {
                throw new MalformedCsvException(1, "the CSV has no header row; expected column names such as "
                        + headerRow());
            }
            this.separator = header.indexOf(';') >= 0 ? ';' : ',';
            this.columns = Collections.unmodifiableList(checkedColumns(splitHeader(header)));
        }

        /** @return {@code ;} or {@code ,}, as found in the header */
        public char separator() {
            return separator;
        }

        /** @return the canonical column names (those of the JSON form) in the order of the file */
        public List<String> columns() {
            return columns;
        }

        /** @return the next record, or {@code null} at the end; blank rows (e.g. {@code ;;;;}) are skipped */
        public Record next() throws IOException {
            while (!atEnd) {
                int start = line;
                List<String> cells = new ArrayList<>(columns.size());
                String problem = readRecord(cells);
                boolean blank = cells.stream().allMatch(String::isBlank);
                if (blank && problem == null) {
                    continue;
                }
                while (cells.size() > columns.size() && cells.get(cells.size() - 1).isBlank()) {
                    // spreadsheets pad rows with empty cells beyond the last column
                    cells.remove(cells.size() - 1);
                }
                if (problem == null && cells.size() != columns.size()) {
                    problem = "expected " + columns.size() + " cells as in the header, found " + cells.size()
                            + " (separator '" + separator + "')";
                }
                Map<String, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(cells.size(), columns.size()); i++) {
                    byColumn.put(columns.get(i), cells.get(i));
                }
                return new Record(start, Collections.unmodifiableMap(byColumn), problem);
            }
            return null;
        }

        private String readHeaderLine() throws IOException {
            String header = in.readLine();
            line = 2;
            return header;
        }

        private List<String> splitHeader(String header) {
            List<String> cells = new ArrayList<>();
            for (String cell : header.split(Pattern.quote(String.valueOf(separator)), -1)) {
                String name = cell.strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1).strip();
                }
                cells.add(name);
            }
            return cells;
        }

        private static List<String> checkedColumns(List<String> names) {
            Map<String, String> known = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                known.put(normalized(column), column);
                known.put(normalized(heading(column)), column);
            }
            List<String> columns = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            List<String> duplicate = new ArrayList<>();
            for (String name : names) {
                String column = known.get(normalized(name));
                if (column == null) {
                    unknown.add("'" + name + "'");
                } else if (columns.contains(column)) {
                    duplicate.add(heading(column));
                }
                columns.add(column);
            }
            List<String> problems = new ArrayList<>();
            if (!unknown.isEmpty()) {
                problems.add("unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + "; known columns: " + String.join(", ", HEADINGS.values()) + " (or " + String.join(", ", COLUMNS) + ")");
            }
            if (!duplicate.isEmpty()) {
                problems.add("column" + (duplicate.size() > 1 ? "s " : " ") + String.join(", ", duplicate)
                        + " appear" + (duplicate.size() > 1 ? "" : "s") + " twice");
            }
            List<String> missing = COLUMNS.stream()
                    .filter(c -> REQUIRED_COLUMNS.contains(c) && !columns.contains(c)).map(ActivityCsv::heading).toList();
            if (!missing.isEmpty()) {
                problems.add("missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
            }
            if (!problems.isEmpty()) {
                throw new MalformedCsvException(1, "header: " + String.join("; ", problems));
            }
            return columns;
        }

        /**
         * Reads one record into {@code cells}, RFC 4180 style: a quoted cell may contain separators, line
         * breaks and doubled quotes. Stops after the record's line break.
         *
         * @return a problem, or {@code null}
         */
        private String readRecord(List<String> cells) throws IOException {
            StringBuilder cell = new StringBuilder();
            String problem = null;
            boolean quoted = false;
            boolean afterClosingQuote = false;
            boolean cellStart = true;
            int startLine = line;
            while (true) {
                int c = in.read();
                if (c == -1) {
                    atEnd = true;
                    if (quoted) {
                        problem = "a quote opened on line " + startLine + " is never closed";
                    }
                    cells.add(cell.toString());
                    return problem;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            if (next != -1) {
                                in.reset();
                            }
                            quoted = false;
                            afterClosingQuote = true;
                        }
                    } else if (ch == '\r' || ch == '\n') {
                        if (ch == '\r') {
                            followedByNewline();
                        }
                        line++;
                        cell.append('\n');
                    } else {
                        cell.append(ch);
                    }
                    continue;
                }
                if (ch == separator) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStart = true;
                    afterClosingQuote = false;
                    continue;
                }
                if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        followedByNewline();
                    }
                    line++;
                    cells.add(cell.toString());
                    return problem;
                }
                if (afterClosingQuote) {
                    if (!Character.isWhitespace(ch) && problem == null) {
                        problem = "text after a closing quote in cell " + (cells.size() + 1)
                                + "; a quote inside a quoted cell is written twice (\"\")";
                    }
                    continue;
                }
                if (ch == '"' && cellStart && cell.toString().isBlank()) {
                    cell.setLength(0);
                    quoted = true;
                    cellStart = false;
                    continue;
                }
                cellStart = false;
                cell.append(ch);
            }
        }

        /** Consumes the {@code \n} of a {@code \r\n} pair. */
        private boolean followedByNewline() throws IOException {
            in.mark(1);
            int next = in.read();
            if (next == '\n') {
                return true;
            }
            if (next != -1) {
                in.reset();
            }
            return false;
        }
    }
}
