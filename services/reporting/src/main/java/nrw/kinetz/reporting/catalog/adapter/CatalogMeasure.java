package nrw.kinetz.reporting.catalog.adapter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingType;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings.OfferingDocument;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings;

/**
 * {@code measure=catalog}: the trainings and meetings of the event catalog — offerings, seats, confirmed and
 * waitlisted registrations, check-ins ({@code attended}, one per person and session) and the session places
 * they are measured against ({@code sessionPlaces}, confirmed × sessions): the attendance rate is
 * {@code attended / sessionPlaces}, derived from the two counts so that it is exact. Cancelled offerings do not
 * count. With a period, the offerings whose first session lies in it. The LaKI's own offerings have no site: they
 * are the row {@code laki} by site and by Regierungsbezirk, so every grouping adds up to the same total.
 */
public final class CatalogMeasure implements Measure {

    public static final String NAME = "catalog";
    public static final Metric OFFERINGS = Metric.count("offerings", "Veranstaltungen");
    public static final Metric SEATS = Metric.count("seats", "Plätze");
    public static final Metric CONFIRMED = Metric.people("confirmed", "Bestätigte Anmeldungen");
    public static final Metric WAITLISTED = Metric.people("waitlisted", "Warteliste");
    public static final Metric ATTENDED = Metric.people("attended", "Teilnahmen");
    /** Confirmed × sessions: with the sessions public in the catalog, its band would narrow the confirmed ones down. */
    public static final Metric SESSION_PLACES = Metric.peopleNotPublished("sessionPlaces", "Mögliche Teilnahmen");

    private static final String LAKI = "laki";

    private final MongoCatalogOfferings offerings;

    public CatalogMeasure(MongoCatalogOfferings offerings) {
        this.offerings = offerings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(OFFERINGS, SEATS, CONFIRMED, WAITLISTED, ATTENDED, SESSION_PLACES);
    }

    @Override
    public List<Dimension> dimensions() {
        return List.of(Dimension.OFFERING_TYPE, Dimension.FIELD, Dimension.FOCUS_AREA, Dimension.SITE,
                Dimension.REGIERUNGSBEZIRK, Dimension.MONTH);
    }

    @Override
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Suppression suppression) {
        List<OfferingDocument> counted = offerings.all().stream()
                .filter(OfferingDocument::counts)
                .filter(o -> period.map(p -> inPeriod(o.month(), p)).orElse(true))
                .toList();
        List<AggregateRow> rows = switch (groupBy) {
            case OFFERING_TYPE -> rows(counted, OfferingType.values(), o -> o.type(), t -> t.name(), OfferingType::label, suppression);
            case FOCUS_AREA -> rows(counted, FocusArea.values(), o -> o.focusArea(), a -> a.name(), FocusArea::label, suppression);
            case FIELD -> rows(counted, Field.values(), o -> FocusArea.valueOf(o.focusArea()).field().name(), f -> f.name(),
                    Field::label, suppression);
            case REGIERUNGSBEZIRK -> withLaki(rows(counted.stream().filter(o -> o.organiserSite() != null).toList(),
                    Regierungsbezirk.values(), o -> SiteId.of(o.organiserSite()).regierungsbezirk().code(), r -> r.code(),
                    Regierungsbezirk::label, suppression), counted, suppression);
            case SITE -> bySite(counted, suppression);
            case MONTH -> byMonth(counted, suppression);
            default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
        };
        return new Aggregation(rows, values(Tally.of(counted, suppression)));
    }

    private static boolean inPeriod(String month, Period period) {
        return month.compareTo(period.start().toString().substring(0, 7)) >= 0
                && month.compareTo(period.end().toString().substring(0, 7)) <= 0;
    }

    /** Every code in its official order, also those without an offering, so tables and charts keep their shape. */
    private static <E> List<AggregateRow> rows(List<OfferingDocument> counted, E[] codes, Function<OfferingDocument, String> keyOf,
            Function<E, String> key, Function<E, String> label, Suppression suppression) {
        Map<String, List<OfferingDocument>> grouped = new LinkedHashMap<>();
        counted.forEach(o -> grouped.computeIfAbsent(keyOf.apply(o), k -> new ArrayList<>()).add(o));
        List<AggregateRow> rows = new ArrayList<>();
        for (E code : codes) {
            rows.add(new AggregateRow(key.apply(code), label.apply(code),
                    values(Tally.of(grouped.getOrDefault(key.apply(code), List.of()), suppression))));
        }
        return rows;
    }

    private static List<AggregateRow> withLaki(List<AggregateRow> rows, List<OfferingDocument> counted, Suppression suppression) {
        List<AggregateRow> all = new ArrayList<>(rows);
        all.add(new AggregateRow(LAKI, "LaKI (landesweit)",
                values(Tally.of(counted.stream().filter(o -> o.organiserSite() == null).toList(), suppression))));
        return all;
    }

    /** One row per organising site that has offerings, by site id, and the LaKI's. */
    private static List<AggregateRow> bySite(List<OfferingDocument> counted, Suppression suppression) {
        Map<String, List<OfferingDocument>> grouped = new TreeMap<>();
        counted.stream().filter(o -> o.organiserSite() != null)
                .forEach(o -> grouped.computeIfAbsent(o.organiserSite(), k -> new ArrayList<>()).add(o));
        List<AggregateRow> rows = new ArrayList<>();
        grouped.forEach((site, list) -> rows.add(new AggregateRow(site,
                KiSites.find(SiteId.of(site)).map(r -> r.name()).orElse(site), values(Tally.of(list, suppression)))));
        return withLaki(rows, counted, suppression);
    }

    private static List<AggregateRow> byMonth(List<OfferingDocument> counted, Suppression suppression) {
        Map<String, List<OfferingDocument>> grouped = new TreeMap<>(Comparator.naturalOrder());
        counted.forEach(o -> grouped.computeIfAbsent(o.month(), k -> new ArrayList<>()).add(o));
        List<AggregateRow> rows = new ArrayList<>();
        grouped.forEach((month, list) -> rows.add(new AggregateRow(month, month, values(Tally.of(list, suppression)))));
        return rows;
    }

    /** What a row adds up. */
    public record Tally(long offerings, long seats, long confirmed, long waitlisted, long attended, long sessionPlaces) {

        /**
         * Each offering, the finest cell of the catalog, enters the sums as its share ({@link Suppression#share}); only
         * offerings that count ({@link OfferingDocument#counts}), whose details have arrived.
         */
        static Tally of(List<OfferingDocument> offerings, Suppression suppression) {
            long seats = 0;
            long confirmed = 0;
            long waitlisted = 0;
            long attended = 0;
            long places = 0;
            for (OfferingDocument o : offerings) {
                Set<String> holders = o.confirmed();
                seats += o.capacity();
                confirmed += suppression.share(CONFIRMED, holders.size());
                waitlisted += suppression.share(WAITLISTED, o.waitlisted().size());
                // Check-ins of people who cancelled later no longer count, as the catalog's own rate.
                attended += suppression.share(ATTENDED, o.attended() == null ? 0
                        : o.attended().stream().filter(a -> holders.contains(a.substring(0, a.lastIndexOf(':')))).count());
                places += suppression.share(SESSION_PLACES, (long) holders.size() * o.sessions());
            }
            return new Tally(offerings.size(), seats, confirmed, waitlisted, attended, places);
        }
    }

    /** The exact numbers of one offering, as the feed carries them. */
    public static Map<String, Long> exact(OfferingDocument offering) {
        Tally tally = Tally.of(offering.counts() ? List.of(offering) : List.of(), Suppression.EXACT);
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(OFFERINGS.name(), tally.offerings());
        values.put(SEATS.name(), tally.seats());
        values.put(CONFIRMED.name(), tally.confirmed());
        values.put(WAITLISTED.name(), tally.waitlisted());
        values.put(ATTENDED.name(), tally.attended());
        values.put(SESSION_PLACES.name(), tally.sessionPlaces());
        return values;
    }

    private static Map<String, CellValue> values(Tally tally) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put(OFFERINGS.name(), CellValue.of(tally.offerings()));
        values.put(SEATS.name(), CellValue.of(tally.seats()));
        values.put(CONFIRMED.name(), CellValue.of(tally.confirmed()));
        values.put(WAITLISTED.name(), CellValue.of(tally.waitlisted()));
        values.put(ATTENDED.name(), CellValue.of(tally.attended()));
        values.put(SESSION_PLACES.name(), CellValue.of(tally.sessionPlaces()));
        return values;
    }
}
