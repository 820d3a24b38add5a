package nrw.kinetz.reporting.activity;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;

/**
 * {@code measure=activities}: how many activities the KIs reported and how many people, volunteers, sessions
 * and hours they add up to, by site, Regierungsbezirk, field, focus area, activity type or programme.
 *
 * <p>Every figure is a sum of the site-level monthly cells of the period (all time without a period): a
 * quarter or a budget year is the sum of its months, a Regierungsbezirk the sum of its sites, the network the
 * sum of everything — so the roll-ups cannot disagree with the cells. Every group of the grouping is a row,
 * also with zeros (all 54 sites, all focus areas, …), so tables and charts keep their shape; activities
 * without a programme are the row {@code NONE}.
 */
public final class ActivitiesMeasure implements Measure {

    public static final String NAME = CellKey.MEASURE;
    public static final Metric ACTIVITIES = Metric.count("activities", "Aktivitäten");
    public static final Metric PARTICIPANTS = Metric.people("participants", "Teilnehmende");
    public static final Metric VOLUNTEERS = Metric.people("volunteers", "Ehrenamtliche");
    public static final Metric SESSIONS = Metric.count("sessions", "Termine");
    public static final Metric HOURS = Metric.count("hours", "Stunden");
    public static final String NO_PROGRAM_LABEL = "ohne Programm";

    private static final List<Metric> METRICS = List.of(ACTIVITIES, PARTICIPANTS, VOLUNTEERS, SESSIONS, HOURS);
    private static final List<Dimension> DIMENSIONS = List.of(Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.FIELD,
            Dimension.FOCUS_AREA, Dimension.ACTIVITY_TYPE, Dimension.PROGRAM);
    /** Every dimension, and the month: a crossed row is a sum of finest cells just as a row of one dimension is. */
    private static final List<Dimension> CROSSABLE = List.of(Dimension.MONTH, Dimension.SITE, Dimension.REGIERUNGSBEZIRK,
            Dimension.FIELD, Dimension.FOCUS_AREA, Dimension.ACTIVITY_TYPE, Dimension.PROGRAM);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMAN);

    private final ActivityReadModel model;

    public ActivitiesMeasure(ActivityReadModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public List<Dimension> dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<Dimension> crossable() {
        return CROSSABLE;
    }

    @Override
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Suppression suppression) {
        return aggregate(groupBy, period, Optional.empty(), suppression);
    }

    /**
     * A crossed grouping lists only the combinations with at least one activity: a full cross of 12 months, 54 sites
     * and 14 focus areas would be mostly zeros. Which combinations appear says nothing about people, as counts of
     * activities are exact for everyone.
     */
    @Override
    public Aggregation cross(List<Dimension> groupBy, Optional<Period> period, Suppression suppression) {
        return crossed(groupBy, model.active().cells(new CellQuery(period, Optional.empty())), suppression);
    }

    /** Each cell enters the sums of its combination as its share ({@link Suppression#share}), as in a single grouping. */
    public static Aggregation crossed(List<Dimension> groupBy, List<Cell> cells, Suppression suppression) {
        List<Grouping> groupings = groupBy.stream().map(Grouping::of).toList();
        Map<List<String>, Tally> sums = new TreeMap<>(AggregateRow.byKeys(groupings.stream().map(Grouping::order).toList()));
        Tally total = Tally.ZERO;
        for (Cell cell : cells) {
            Tally share = share(cell.values(), suppression);
            sums.merge(groupings.stream().map(g -> g.key().apply(cell.key())).toList(), share, Tally::plus);
            total = total.plus(share);
        }
        List<AggregateRow> rows = new ArrayList<>();
        sums.forEach((keys, sum) -> {
            if (sum.activities() > 0) {
                List<AggregateRow.Part> parts = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    parts.add(new AggregateRow.Part(groupBy.get(i).parameter(), keys.get(i), groupings.get(i).label().apply(keys.get(i))));
                }
                rows.add(AggregateRow.crossed(parts, values(sum)));
            }
        });
        return new Aggregation(rows, values(total));
    }

    /**
     * As {@link #aggregate(Dimension, Optional, Suppression)}, narrowed to one site's cells (a KI's own breakdown, a
     * live stream with {@code ?site=}).
     */
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Optional<SiteId> site, Suppression suppression) {
        return aggregate(groupBy, model.active().cells(new CellQuery(period, site)), suppression);
    }

    /** Exact: {@link #aggregate(Dimension, Optional, Optional, Suppression)} for the LaKI. */
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Optional<SiteId> site) {
        return aggregate(groupBy, period, site, Suppression.EXACT);
    }

    public static Aggregation aggregate(Dimension groupBy, List<Cell> cells) {
        return aggregate(groupBy, cells, Suppression.EXACT);
    }

    /** Each cell, the finest an activity falls into, enters the sums as its share ({@link Suppression#share}). */
    public static Aggregation aggregate(Dimension groupBy, List<Cell> cells, Suppression suppression) {
        Grouping grouping = Grouping.of(groupBy);
        Map<String, Tally> sums = new LinkedHashMap<>(grouping.rows());
        Tally total = Tally.ZERO;
        for (Cell cell : cells) {
            Tally share = share(cell.values(), suppression);
            sums.merge(grouping.key().apply(cell.key()), share, Tally::plus);
            total = total.plus(share);
        }
        List<AggregateRow> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new AggregateRow(key, grouping.label().apply(key), values(sum))));
        return new Aggregation(rows, values(total));
    }

    private static Tally share(Tally exact, Suppression suppression) {
        return suppression.exact() ? exact : new Tally(exact.activities(), suppression.share(PARTICIPANTS, exact.participants()),
                suppression.share(VOLUNTEERS, exact.volunteers()), exact.sessions(), exact.hours());
    }

    private static Map<String, CellValue> values(Tally tally) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        tally.byMetric().forEach((metric, value) -> values.put(metric, CellValue.of(value)));
        return values;
    }

    /**
     * How cells fall into rows.
     *
     * @param rows  every row key in reading order, each with zero: the rows shown even without data (none for the
     *              month, which is only crossed: its rows are the months with activities)
     * @param key   the row a cell falls into
     * @param label the German label of a row key
     */
    private record Grouping(Map<String, Tally> rows, Function<CellKey, String> key, Function<String, String> label) {

        /** @return reading order: the order of {@link #rows}; months, which {@code YYYY-MM} sorts, by their text */
        Comparator<String> order() {
            if (rows.isEmpty()) {
                return Comparator.naturalOrder();
            }
            Map<String, Integer> ranks = new LinkedHashMap<>();
            rows.keySet().forEach(key -> ranks.put(key, ranks.size()));
            return Comparator.comparing(key -> ranks.getOrDefault(key, ranks.size()));
        }

        static Grouping of(Dimension groupBy) {
            return switch (groupBy) {
                case SITE -> new Grouping(zeros(KiSites.all().stream().map(s -> s.siteId().value()).sorted().toList()),
                        key -> key.site().value(),
                        id -> KiSites.find(SiteId.of(id)).map(KiSiteReference::name).orElse(id));
                case REGIERUNGSBEZIRK -> codes(Regierungsbezirk.values(), Regierungsbezirk::code, Regierungsbezirk::label,
                        key -> key.regierungsbezirk().code());
                case FIELD -> codes(Field.values(), Field::name, Field::label, key -> key.field().name());
                case FOCUS_AREA -> codes(FocusArea.values(), FocusArea::name, FocusArea::label, key -> key.focusArea().name());
                case ACTIVITY_TYPE -> codes(ActivityType.values(), ActivityType::name, ActivityType::label,
                        key -> key.activityType().name());
                case PROGRAM -> programs();
                case MONTH -> new Grouping(Map.of(), key -> key.month().toString(),
                        month -> MONTH_LABEL.format(YearMonth.parse(month)));
                default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
            };
        }

        private static <E> Grouping codes(E[] values, Function<E, String> code, Function<E, String> label,
                Function<CellKey, String> key) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (E value : values) {
                labels.put(code.apply(value), label.apply(value));
            }
            return new Grouping(zeros(List.copyOf(labels.keySet())), key, labels::get);
        }

        private static Grouping programs() {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Program program : Program.values()) {
                labels.put(program.name(), program.label());
            }
            labels.put(CellKey.NO_PROGRAM, NO_PROGRAM_LABEL);
            return new Grouping(zeros(List.copyOf(labels.keySet())), CellKey::programCode, labels::get);
        }

        private static Map<String, Tally> zeros(List<String> keys) {
            Map<String, Tally> rows = new LinkedHashMap<>();
            keys.forEach(key -> rows.put(key, Tally.ZERO));
            return rows;
        }
    }
}
