package nrw.kinetz.reporting.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Metric;

/**
 * The network's year: sites and their status, staffing, activities with the change on the year before, programmes
 * with their indicators against targets, trainings — every figure read from the aggregates API for one reader (the
 * public, or the LaKI for the internal edition) and traceable to its request ({@link #sources()}) and to the feed
 * cursor the report was made at.
 *
 * @param year     the reported year
 * @param internal {@code true} for the LaKI's exact edition, {@code false} for the public one
 * @param cursor   the feed cursor the figures were read at
 * @param madeAt   when the report was made
 * @param sources  every request a figure comes from; a {@link Figure} names its index here
 * @param sections in reading order
 */
public record AnnualReport(int year, boolean internal, String cursor, Instant madeAt, List<FigureRequest> sources,
        List<Section> sections) {

    public AnnualReport {
        sources = List.copyOf(sources);
        sections = List.copyOf(sections);
    }

    /** A chapter: a heading, a sentence or two, and its tables and charts. */
    public record Section(String title, String intro, List<Object> blocks) {
    }

    /**
     * A table; every row starts with its label.
     *
     * @param caption  what the table shows, also its accessible name
     * @param headings the column headings, the label column's first
     * @param rows     the body; the last is the total where the answer has one
     */
    public record Table(String caption, List<String> headings, List<List<Cell>> rows) {
    }

    /** A horizontal bar chart of counts of things (never of people, so never with a withheld value). */
    public record Chart(String title, List<String> labels, List<Long> values) {
    }

    /** One cell of a table. */
    public sealed interface Cell permits Text, Figure, Derived {
    }

    /** A label. */
    public record Text(String text) implements Cell {
    }

    /**
     * A figure exactly as the API answered it.
     *
     * @param source index into {@link AnnualReport#sources()}
     * @param key    the row key of the answer, {@code ""} for its total
     * @param metric the value's name in the answer
     * @param value  the value
     */
    public record Figure(int source, String key, String metric, CellValue value) implements Cell {
    }

    /**
     * What follows from the figures of the same row: a change or a rate (withheld where one of them is), or the
     * status a row's key names.
     */
    public record Derived(String text) implements Cell {
    }

    /** Reads every figure of {@code year} (and of the year before, for the changes) through {@code figures}. */
    public static AnnualReport make(int year, boolean internal, PublicFigures figures, Instant now) {
        return new Maker(year, figures).make(internal, now);
    }

    private static final class Maker {

        static final String NOT_YET = "noch nicht im Netzwerk";
        static final String NO_CHANGE = "Kein Standort hat seinen Status gewechselt.";

        private final int year;
        private final PublicFigures figures;
        private final List<FigureRequest> sources = new ArrayList<>();
        private final Map<FigureRequest, AggregateReport> answers = new LinkedHashMap<>();

        Maker(int year, PublicFigures figures) {
            this.year = year;
            this.figures = figures;
        }

        AnnualReport make(boolean internal, Instant now) {
            String cursor = figures.cursor();
            String thisYear = Integer.toString(year);
            String lastYear = Integer.toString(year - 1);
            List<Section> sections = new ArrayList<>();

            sections.add(new Section("Standorte und Personal",
                    "Die Kommunalen Integrationszentren nach ihrem Status zum Jahresende " + lastYear + " und " + thisYear
                            + " (im laufenden Jahr: heute), die Standorte, deren Status sich geändert hat, und ihr Personal "
                            + "in Vollzeitäquivalenten (VZÄ).",
                    List.of(compare("Standorte nach Status", "sites", "status", "sites", "Status", List.of()),
                            statusChanges(),
                            table("Standorte und Personal nach Regierungsbezirk " + thisYear, "sites", "regierungsbezirk",
                                    "Regierungsbezirk", List.of("sites", "fte")))));

            List<Object> activities = new ArrayList<>();
            for (String[] grouping : new String[][] {{"field", "Handlungsfeld"}, {"focusArea", "Handlungsschwerpunkt"},
                    {"activityType", "Art der Aktivität"}, {"regierungsbezirk", "Regierungsbezirk"}}) {
                Table table = compare("Aktivitäten nach " + grouping[1], "activities", grouping[0], "activities", grouping[1],
                        List.of("participants", "volunteers"));
                if (!grouping[0].equals("focusArea") && !grouping[0].equals("activityType")) {
                    activities.add(chart("Aktivitäten " + thisYear + " nach " + grouping[1], table));
                }
                activities.add(table);
            }
            sections.add(new Section("Aktivitäten",
                    "Was die KI gemeldet haben, " + thisYear + " gegenüber " + lastYear + ", mit Teilnehmenden und Ehrenamtlichen "
                            + thisYear + ".", activities));

            sections.add(new Section("Förderprogramme",
                    "Zuwendungen des Haushaltsjahres " + thisYear + ": bewilligt, abgerufen, Abrufquote, Verwendungsnachweise "
                            + "und die Indikatoren der Maßnahmen gegenüber ihren Zielen.",
                    List.of(table("Förderprogramme " + thisYear, "programs", "program", "Programm",
                                    List.of("grants", "granted", "disbursed", "utilisation", "proofsOpen", "proofsOverdue")),
                            indicators())));

            sections.add(new Section("Fortbildungen und Veranstaltungen",
                    "Angebote mit erster Sitzung " + thisYear + ": Plätze, bestätigte Anmeldungen und Teilnahmen.",
                    List.of(table("Fortbildungen und Veranstaltungen " + thisYear + " nach Art", "catalog", "offeringType",
                            "Art", List.of("offerings", "seats", "confirmed", "attended", "sessionPlaces")))));

            return new AnnualReport(year, internal, cursor, now, sources, sections);
        }

        /** One year's answer as a table of the given metrics, total last. */
        private Table table(String caption, String measure, String groupBy, String labelHeading, List<String> metrics) {
            FigureRequest request = FigureRequest.of(measure, groupBy, Integer.toString(year));
            AggregateReport answer = read(request);
            int source = sources.indexOf(request);
            Map<String, String> headings = headings(measure);
            List<String> columns = new ArrayList<>(List.of(labelHeading));
            metrics.forEach(metric -> columns.add(headings.get(metric)));
            List<List<Cell>> rows = new ArrayList<>();
            for (AggregateRow row : answer.rows()) {
                rows.add(figures(row.label(), source, row.key(), metrics, row.values()));
            }
            rows.add(figures("Insgesamt", source, "", metrics, answer.total()));
            return new Table(caption, columns, rows);
        }

        /** One metric in the year before and this year with the change, then further metrics of this year. */
        private Table compare(String caption, String measure, String groupBy, String metric, String labelHeading,
                List<String> more) {
            FigureRequest before = FigureRequest.of(measure, groupBy, Integer.toString(year - 1));
            FigureRequest now = FigureRequest.of(measure, groupBy, Integer.toString(year));
            AggregateReport old = read(before);
            AggregateReport answer = read(now);
            Map<String, String> headings = headings(measure);
            List<String> columns = new ArrayList<>(List.of(labelHeading, headings.get(metric) + " " + (year - 1),
                    headings.get(metric) + " " + year, "Veränderung"));
            more.forEach(m -> columns.add(headings.get(m) + " " + year));
            List<List<Cell>> rows = new ArrayList<>();
            for (AggregateRow row : answer.rows()) {
                Map<String, CellValue> previous = old.rows().stream().filter(r -> r.key().equals(row.key())).findFirst()
                        .map(AggregateRow::values).orElse(Map.of());
                rows.add(compared(row.label(), row.key(), metric, previous, row.values(), before, now, more));
            }
            rows.add(compared("Insgesamt", "", metric, old.total(), answer.total(), before, now, more));
            return new Table(caption + " " + (year - 1) + " und " + year, columns, rows);
        }

        private List<Cell> compared(String label, String key, String metric, Map<String, CellValue> before,
                Map<String, CellValue> now, FigureRequest beforeRequest, FigureRequest nowRequest, List<String> more) {
            int b = sources.indexOf(beforeRequest);
            int n = sources.indexOf(nowRequest);
            List<Cell> cells = new ArrayList<>();
            cells.add(new Text(label));
            cells.add(new Figure(b, key, metric, before.getOrDefault(metric, CellValue.of(0))));
            cells.add(new Figure(n, key, metric, now.get(metric)));
            cells.add(new Derived(change(before.get(metric), now.get(metric))));
            more.forEach(m -> cells.add(new Figure(n, key, m, now.get(m))));
            return cells;
        }

        /**
         * Each site whose status at the end of this year differs from the end of the year before (or that joined the
         * network this year), from the sites crossed with their status in both years. The statuses are the keys of
         * the rows whose staffing the table shows, so they are traced with it.
         */
        private Table statusChanges() {
            FigureRequest before = FigureRequest.of("sites", "site,status", Integer.toString(year - 1));
            FigureRequest now = FigureRequest.of("sites", "site,status", Integer.toString(year));
            Map<String, AggregateRow> previous = new LinkedHashMap<>();
            read(before).rows().forEach(row -> previous.put(row.parts().get(0).key(), row));
            List<AggregateRow> current = read(now).rows();
            int n = sources.indexOf(now);
            List<List<Cell>> rows = new ArrayList<>();
            for (AggregateRow row : current) {
                AggregateRow.Part site = row.parts().get(0);
                AggregateRow.Part status = row.parts().get(1);
                AggregateRow old = previous.get(site.key());
                if (old != null && old.parts().get(1).key().equals(status.key())) {
                    continue;
                }
                rows.add(List.of(new Text(site.label()), new Derived(old == null ? NOT_YET : old.parts().get(1).label()),
                        new Derived(status.label()), new Figure(n, row.key(), "fte", row.values().get("fte"))));
            }
            if (rows.isEmpty()) {
                rows.add(List.of(new Text(NO_CHANGE), new Derived(Formats.NONE), new Derived(Formats.NONE), new Derived(Formats.NONE)));
            }
            return new Table("Statuswechsel der Standorte " + year, List.of("Standort", "Status Ende " + (year - 1),
                    "Status Ende " + year, headings("sites").get("fte") + " " + year), rows);
        }

        /** Each indicator of each programme with a target or an actual value this year, against its target. */
        private Table indicators() {
            FigureRequest request = FigureRequest.of("programs", "program", Integer.toString(year));
            AggregateReport answer = read(request);
            int source = sources.indexOf(request);
            Map<String, String> headings = headings("programs");
            List<List<Cell>> rows = new ArrayList<>();
            for (AggregateRow row : answer.rows()) {
                for (String target : row.values().keySet()) {
                    if (!target.endsWith("Target")) {
                        continue;
                    }
                    String actual = target.substring(0, target.length() - "Target".length());
                    CellValue goal = row.values().get(target);
                    CellValue reached = row.values().get(actual);
                    if (isZero(goal) && isZero(reached)) {
                        continue;
                    }
                    rows.add(List.of(new Text(row.label() + ": " + headings.get(actual)),
                            new Figure(source, row.key(), actual, reached), new Figure(source, row.key(), target, goal),
                            new Derived(rate(reached, goal))));
                }
            }
            return new Table("Indikatoren der Maßnahmen " + year + " gegenüber ihren Zielen",
                    List.of("Programm: Indikator", "Ist", "Ziel", "Zielerreichung"), rows);
        }

        private static Chart chart(String title, Table table) {
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (List<Cell> row : table.rows().subList(0, table.rows().size() - 1)) {
                labels.add(((Text) row.get(0)).text());
                values.add(((Figure) row.get(2)).value() instanceof CellValue.Count count ? count.value() : 0L);
            }
            return new Chart(title, labels, values);
        }

        private AggregateReport read(FigureRequest request) {
            if (!sources.contains(request)) {
                sources.add(request);
            }
            return answers.computeIfAbsent(request, figures::read);
        }

        private Map<String, String> headings(String measure) {
            Map<String, String> headings = new LinkedHashMap<>();
            for (Metric metric : figures.metrics(measure)) {
                headings.put(metric.name(), metric.label());
            }
            return headings;
        }

        private static List<Cell> figures(String label, int source, String key, List<String> metrics,
                Map<String, CellValue> values) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Text(label));
            metrics.forEach(metric -> cells.add(new Figure(source, key, metric, values.get(metric))));
            return cells;
        }

        private static boolean isZero(CellValue value) {
            return value instanceof CellValue.Count count && count.value() == 0;
        }
    }

    /** The change in percent, e.g. {@code +12,5 %}; "–" where the year before had none. */
    static String change(CellValue before, CellValue now) {
        Optional<BigDecimal> b = number(before);
        Optional<BigDecimal> n = number(now);
        if (b.isEmpty() || n.isEmpty()) {
            return Formats.WITHHELD;
        }
        if (b.get().signum() == 0) {
            return Formats.NONE;
        }
        BigDecimal percent = n.get().subtract(b.get()).multiply(BigDecimal.valueOf(100)).divide(b.get(), 1, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + Formats.decimal(percent, 1) + " %";
    }

    /** {@code actual / target} in percent; "–" without a target. */
    static String rate(CellValue actual, CellValue target) {
        Optional<BigDecimal> a = number(actual);
        Optional<BigDecimal> t = number(target);
        if (a.isEmpty() || t.isEmpty()) {
            return Formats.WITHHELD;
        }
        if (t.get().signum() == 0) {
            return Formats.NONE;
        }
        return Formats.decimal(a.get().multiply(BigDecimal.valueOf(100)).divide(t.get(), 1, RoundingMode.HALF_UP), 1) + " %";
    }

    private static Optional<BigDecimal> number(CellValue value) {
        if (value instanceof CellValue.Count count) {
            return Optional.of(BigDecimal.valueOf(count.value()));
        }
        if (value instanceof CellValue.Amount amount) {
            return Optional.of(amount.value());
        }
        return Optional.empty();
    }
}
