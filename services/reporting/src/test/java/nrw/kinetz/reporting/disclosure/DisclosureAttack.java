package nrw.kinetz.reporting.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The attacker's reasoning, whatever surface the numbers came from (docs/architecture.md#suppression): every public
 * number becomes the interval of true values the published rule allows, every reading of the same cell narrows
 * it (the attacker keeps the intersection of all it saw), and every single difference is computed — before and
 * after per cell, a whole minus its other parts, consecutive revisions. A finding is any interval that is one
 * value from 1 to 4, and any surface that shows a cell otherwise than the aggregates API shows it.
 *
 * <p>The published rule (ADR 0007): a finest cell (a feed entry) shown as {@code v} holds {@code v} to {@code v+4},
 * withheld holds 1 to 4; a table cell is the rounded sum of the middles of its cells' bands, so with {@code n}
 * finest cells in it (an exact public count: activities, offerings) it holds {@code v-2-2n} to {@code v+2+2n}.
 */
final class DisclosureAttack {

    /** The counts of people each measure shows, and the public count of finest cells in a row. */
    static final Map<String, List<String>> PEOPLE = Map.of(
            "activities", List.of("participants", "volunteers"),
            "catalog", List.of("confirmed", "waitlisted", "attended"));
    static final Map<String, String> CELLS = Map.of("activities", "activities", "catalog", "offerings");

    /** The true values a public number allows. */
    record Interval(long lo, long hi) {

        static final Interval ANY = new Interval(0, Long.MAX_VALUE / 4);

        Interval minus(Interval other) {
            return new Interval(lo - other.hi, hi - other.lo);
        }

        Interval plus(Interval other) {
            return new Interval(lo + other.lo, hi + other.hi);
        }

        Interval atLeastZero() {
            return new Interval(Math.max(0, lo), Math.max(0, hi));
        }

        Interval intersect(Interval other) {
            return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi));
        }

        boolean pinsASmallCount() {
            return lo == hi && lo >= 1 && lo <= 4;
        }
    }

    /** One logical table: a measure grouped one way for one period ({@code ""} = all time). */
    record Question(String measure, String grouping, String period) {

        @Override
        public String toString() {
            return measure + " by " + grouping + " " + (period.isEmpty() ? "all time" : period);
        }
    }

    /** What one surface showed of one question: row key → metric → shown whole number ({@code null} = withheld). */
    record Table(Map<String, Map<String, Long>> rows) {
    }

    /** Everything the attacker learnt at one moment, from every surface. */
    static final class Moment {

        final String label;
        /** The first table a question was answered with: what every other surface must match. */
        final Map<Question, Table> shown = new LinkedHashMap<>();
        final Map<Question, String> shownBy = new LinkedHashMap<>();
        /** Question → row → metric → the intersection of every interval seen. */
        final Map<Question, Map<String, Map<String, Interval>>> known = new LinkedHashMap<>();
        List<JsonNode> feed = List.of();

        Moment(String label) {
            this.label = label;
        }

        Table table(Question question) {
            return shown.get(question);
        }
    }

    private final Map<String, List<String>> findings = new TreeMap<>();
    private final Map<String, Integer> requests = new TreeMap<>();

    /** Counts a request to a surface, for the report of what the attacker tried. */
    void asked(String surface) {
        requests.merge(surface, 1, Integer::sum);
    }

    Map<String, Integer> requests() {
        return requests;
    }

    /**
     * Takes in what a surface showed. Rows and metrics may be a subset of the question's (a filter, a selection, a
     * page); what they show must be exactly what the first surface showed for the same cells.
     */
    void learn(Moment moment, String surface, Question question, Table table) {
        Table first = moment.shown.putIfAbsent(question, table);
        if (first != null) {
            String firstSurface = moment.shownBy.get(question);
            table.rows().forEach((row, values) -> {
                Map<String, Long> expected = first.rows().get(row);
                if (expected == null) {
                    if (!row.isEmpty()) {
                        found("a surface shows a row the other does not", moment.label + ": " + surface + " " + question + " row '"
                                + row + "' not in " + firstSurface);
                    }
                    return;
                }
                values.forEach((metric, value) -> {
                    if (expected.containsKey(metric) && !Objects.equals(expected.get(metric), value)) {
                        found("a surface shows another value than " + firstSurface, moment.label + ": " + surface + " " + question
                                + " row '" + row + "' " + metric + " = " + value + ", " + firstSurface + " shows " + expected.get(metric));
                    }
                });
            });
        } else {
            moment.shownBy.put(question, surface);
        }
        List<String> people = PEOPLE.getOrDefault(question.measure(), List.of());
        Map<String, Map<String, Interval>> rows = moment.known.computeIfAbsent(question, q -> new LinkedHashMap<>());
        table.rows().forEach((row, values) -> {
            for (String metric : people) {
                if (values.containsKey(metric)) {
                    Interval interval = tableInterval(values, metric, CELLS.get(question.measure()));
                    rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(metric, interval, Interval::intersect);
                }
            }
        });
    }

    /* ---------- the differences ---------- */

    /** Every cell known at both moments: what arrived in between. */
    void beforeAndAfter(Moment before, Moment after) {
        after.known.forEach((question, rows) -> rows.forEach((row, metrics) -> metrics.forEach((metric, now) -> {
            Interval earlier = before.known.getOrDefault(question, Map.of()).getOrDefault(row, Map.of()).get(metric);
            if (earlier != null) {
                Interval added = now.minus(earlier).atLeastZero();
                if (added.pinsASmallCount()) {
                    found("before and after, one table cell", after.label + ": " + question + " row '" + row + "' " + metric + " -> "
                            + added);
                }
            }
        })));
    }

    /** Every row of every question against its total, where a surface showed the total (row key {@code ""}). */
    void rowsAgainstTotals(Moment moment) {
        moment.known.forEach((question, rows) -> {
            if (rows.containsKey("")) {
                Map<String, String> toTotal = new LinkedHashMap<>();
                rows.keySet().stream().filter(row -> !row.isEmpty()).forEach(row -> toTotal.put(row, ""));
                parts("total minus the other rows", moment, question, question, toTotal::get);
            }
        });
    }

    /** A row of a question, as the whole some rows of another question add up to. */
    record Whole(Question question, String row) {
    }

    /**
     * Each row of {@code parts} as its whole in {@code wholes} minus the other rows of the same whole.
     *
     * @param parent which row of {@code wholes} a row of {@code parts} belongs to ({@code null}: none)
     */
    void parts(String kind, Moment moment, Question parts, Question wholes, Function<String, String> parent) {
        parts(kind, moment, parts, row -> parent.apply(row) == null ? null : new Whole(wholes, parent.apply(row)));
    }

    /**
     * Each row of {@code parts} as its whole minus the other rows of the same whole; the wholes may be rows of
     * several questions (a crossed row of March belongs to its site's row of the March table).
     *
     * @param parent the whole a row of {@code parts} belongs to ({@code null}: none)
     */
    void parts(String kind, Moment moment, Question parts, Function<String, Whole> parent) {
        Map<String, Map<String, Interval>> partRows = moment.known.get(parts);
        if (partRows == null) {
            return;
        }
        Map<Whole, List<String>> children = new LinkedHashMap<>();
        partRows.keySet().stream().filter(row -> !row.isEmpty() && parent.apply(row) != null)
                .forEach(row -> children.computeIfAbsent(parent.apply(row), w -> new ArrayList<>()).add(row));
        children.forEach((whole, rows) -> {
            Map<String, Interval> wholeCell = moment.known.getOrDefault(whole.question(), Map.of()).get(whole.row());
            if (wholeCell == null) {
                return;
            }
            wholeCell.forEach((metric, interval) -> solve(kind, moment.label + ": " + parts + " in " + whole.question() + " '"
                    + whole.row() + "' " + metric, interval, rows.stream().map(row -> partRows.get(row).getOrDefault(metric, Interval.ANY))
                    .toList()));
        });
    }

    /** Each sub-period's row as the whole period's row minus the other sub-periods' rows. */
    void periods(Moment moment, String measure, String grouping, List<String> parts, String whole) {
        Map<String, Map<String, Interval>> wholeRows = moment.known.get(new Question(measure, grouping, whole));
        if (wholeRows == null) {
            return;
        }
        wholeRows.forEach((row, metrics) -> metrics.forEach((metric, interval) -> solve("period minus its other sub-periods",
                moment.label + ": " + measure + " by " + grouping + " row '" + row + "' " + metric + " of " + parts + " in " + whole, interval,
                parts.stream().map(part -> moment.known.getOrDefault(new Question(measure, grouping, part), Map.of())
                        .getOrDefault(row, Map.of()).getOrDefault(metric, Interval.ANY)).toList())));
    }

    /** Each part's interval narrowed by the whole minus the other parts. */
    void solve(String kind, String what, Interval whole, List<Interval> parts) {
        for (int i = 0; i < parts.size(); i++) {
            Interval others = new Interval(0, 0);
            for (int j = 0; j < parts.size(); j++) {
                if (j != i) {
                    others = others.plus(parts.get(j));
                }
            }
            Interval part = parts.get(i).intersect(whole.minus(others));
            if (part.pinsASmallCount()) {
                found(kind, what + ": part " + i + " -> " + part);
            }
        }
    }

    /** Consecutive revisions of one finest cell (feed entries, live events), each shown as its band. */
    void revisions(String where, List<JsonNode> entries, List<String> people) {
        Map<String, JsonNode> previous = new TreeMap<>();
        for (JsonNode entry : entries) {
            String key = entry.get("key").asString();
            JsonNode before = previous.put(key, entry);
            for (String metric : people) {
                Interval now = cellInterval(shown(entry.get("values"), metric));
                Interval added = before == null ? now : now.minus(cellInterval(shown(before.get("values"), metric))).atLeastZero();
                if (added.pinsASmallCount()) {
                    found(where + ", consecutive revisions of one cell", key + " revision " + entry.get("cursor").asString() + " "
                            + metric + " -> " + added);
                }
            }
        }
    }

    /** Consecutive frames of one table (the live tables), row by row. */
    void frames(String where, List<Map.Entry<String, Table>> frames, List<String> people, String cells) {
        Map<String, Map<String, Long>> previous = new TreeMap<>();
        for (Map.Entry<String, Table> frame : frames) {
            frame.getValue().rows().forEach((row, values) -> {
                Map<String, Long> before = previous.put(frame.getKey() + "/" + row, values);
                for (String metric : people) {
                    Interval added = before == null ? Interval.ANY
                            : tableInterval(values, metric, cells).minus(tableInterval(before, metric, cells)).atLeastZero();
                    if (added.pinsASmallCount()) {
                        found(where + ", consecutive frames", frame.getKey() + " row '" + row + "' " + metric + " -> " + added);
                    }
                }
            });
        }
    }

    /**
     * A table recomputed from the feed's finest cells as the published rule says: the rounded sum of the middles of
     * their bands. Where that holds, the table says nothing the bands of its cells do not.
     *
     * @param cells the finest cells of the table's period (feed entries' values by key)
     * @param row   the table's row a finest cell's key belongs to
     */
    void matchesTheFeedsBands(Moment moment, Question question, Map<String, JsonNode> cells, Function<String, String> row,
            boolean withTotal) {
        Table table = moment.table(question);
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        cells.forEach((key, values) -> {
            List<String> rows = withTotal ? List.of(row.apply(key), "") : List.of(row.apply(key));
            for (String r : rows) {
                for (String metric : PEOPLE.get(question.measure())) {
                    Long shown = shown(values, metric);
                    long share = shown == null ? 2 : shown == 0 ? 0 : shown + 2;
                    sums.computeIfAbsent(r, k -> new TreeMap<>()).merge(metric, share, Long::sum);
                }
            }
        });
        sums.forEach((r, values) -> values.forEach((metric, sum) -> {
            Long expected = sum == 0 ? Long.valueOf(0) : sum < 5 ? null : (sum + 2) / 5 * 5;
            Map<String, Long> shownRow = table.rows().get(r);
            Long actual = shownRow == null ? Long.valueOf(-1) : shownRow.get(metric);
            if (!Objects.equals(expected, actual)) {
                found("a table says more than the feed's bands", moment.label + ": " + question + " row '" + r + "' " + metric + " shows "
                        + actual + ", the bands give " + expected);
            }
        }));
    }

    void found(String kind, String finding) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(finding);
    }

    Map<String, List<String>> findings() {
        return findings;
    }

    /** How many of each kind, with the first three of each. */
    String summary() {
        StringBuilder text = new StringBuilder();
        findings.forEach((kind, list) -> text.append("\n").append(list.size()).append(" x ").append(kind).append(", e.g.\n    ")
                .append(String.join("\n    ", list.subList(0, Math.min(3, list.size())))));
        return text.toString();
    }

    /* ---------- the published rule ---------- */

    /** A finest cell: withheld is 1 to 4, {@code v} is {@code v} to {@code v+4}. */
    static Interval cellInterval(Long shown) {
        if (shown == null) {
            return new Interval(1, 4);
        }
        return shown == 0 ? new Interval(0, 0) : new Interval(shown, shown + 4);
    }

    /** A table cell: the rounded sum of up to {@code n} band middles, each within 2 of its cell. */
    static Interval tableInterval(Map<String, Long> values, String metric, String cells) {
        Long shown = values.get(metric);
        Long n = values.get(cells);
        if (n == null) {
            throw new IllegalArgumentException("a row without its count of finest cells (" + cells + "): " + values);
        }
        if (shown == null) {
            return new Interval(1, 4 + 2 * n);
        }
        return shown == 0 ? new Interval(0, 0) : new Interval(Math.max(1, shown - 2 - 2 * n), shown + 2 + 2 * n);
    }

    /* ---------- reading ---------- */

    /** An aggregates answer (JSON) as a table, the total under the key "". */
    static Table table(JsonNode answer) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        answer.get("rows").forEach(row -> rows.put(row.get("key").asString(), values(row.get("values"))));
        rows.put("", values(answer.get("total")));
        return new Table(rows);
    }

    /** The whole numbers of a JSON {@code values} object; decimals (money, full-time equivalents) left out. */
    static Map<String, Long> values(JsonNode values) {
        Map<String, Long> shown = new LinkedHashMap<>();
        values.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                shown.put(e.getKey(), null);
            } else if (e.getValue().isIntegralNumber()) {
                shown.put(e.getKey(), e.getValue().asLong());
            }
        });
        return shown;
    }

    static Long shown(JsonNode values, String metric) {
        JsonNode value = values.get(metric);
        return value.isObject() ? null : value.asLong();
    }

    /** A CSV as German Excel reads it: {@code .} withheld, a decimal comma left out; keyed by the given columns. */
    static Map<String, Table> csvTables(String body, List<String> metrics, int keyColumns, Function<String[], String> tableOf,
            Function<String[], String> rowOf) {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> lines = body.lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                String cell = cells[keyColumns + i];
                if (cell.equals(".")) {
                    values.put(metrics.get(i), null);
                } else if (!cell.contains(",")) {
                    values.put(metrics.get(i), Long.parseLong(cell));
                }
            }
            tables.computeIfAbsent(tableOf.apply(cells), t -> new Table(new LinkedHashMap<>())).rows().put(rowOf.apply(cells), values);
        }
        return tables;
    }
}
