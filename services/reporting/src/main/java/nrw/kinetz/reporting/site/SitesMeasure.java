package nrw.kinetz.reporting.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;

/**
 * {@code measure=sites}: how many KI sites the network has and their staff in full-time equivalents
 * ({@code fte}, the sum of the sites' current staffing plans), by Regierungsbezirk, by status or one row per site.
 * Every registered site counts whatever its status, so that the total is the same for every grouping and a closed site stays visible in the status row "geschlossen".
 *
 * <p>Without a period the answer is the network now; with one it is the network as of the period's last day
 * (the status each site had then; sites whose first known step is later are not counted; the staffing plan known
 * by then), which answers questions like "how many KIs were established by the end of 2013".
 *
 * <p>The network has 54 sites, so grouping the views in memory is cheaper than anything the store could do.
 */
public final class SitesMeasure implements Measure {

    public static final String NAME = "sites";
    public static final Metric SITES = Metric.count("sites", "Standorte");
    public static final Metric FTE = Metric.amount("fte", "Vollzeitäquivalente");

    private final SiteViews views;

    public SitesMeasure(SiteViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(SITES, FTE);
    }

    @Override
    public List<Dimension> dimensions() {
        return List.of(Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.STATUS);
    }

    @Override
    public List<Dimension> crossable() {
        return dimensions();
    }

    /**
     * A crossed grouping, e.g. {@code site,status}: every site with its status (and staffing) in one table; a row per
     * combination that holds a site.
     */
    @Override
    public Aggregation cross(List<Dimension> groupBy, Optional<Period> period, Suppression suppression) {
        List<CountedSite> sites = counted(period);
        // Sorted as the single groupings read: sites by id, Regierungsbezirke by code, statuses in lifecycle order.
        Map<List<String>, List<AggregateRow.Part>> parts = new TreeMap<>(
                AggregateRow.byKeys(Collections.nCopies(groupBy.size(), Comparator.<String>naturalOrder())));
        Map<List<String>, Tally> tallies = new LinkedHashMap<>();
        for (CountedSite site : sites) {
            List<AggregateRow.Part> row = groupBy.stream().map(d -> part(d, site)).toList();
            List<String> order = groupBy.stream().map(d -> d == Dimension.STATUS ? String.valueOf(site.status().ordinal())
                    : part(d, site).key()).toList();
            parts.put(order, row);
            tallies.merge(order, Tally.of(site), Tally::plus);
        }
        List<AggregateRow> rows = new ArrayList<>();
        parts.forEach((order, row) -> rows.add(AggregateRow.crossed(row, values(tallies.get(order)))));
        return new Aggregation(rows, values(sites.stream().map(Tally::of).reduce(Tally.NONE, Tally::plus)));
    }

    private static AggregateRow.Part part(Dimension dimension, CountedSite site) {
        return switch (dimension) {
            case SITE -> new AggregateRow.Part(dimension.parameter(), site.view().siteId().value(), site.view().registration().name());
            case REGIERUNGSBEZIRK -> new AggregateRow.Part(dimension.parameter(), site.view().registration().regierungsbezirk().code(),
                    site.view().registration().regierungsbezirk().label());
            case STATUS -> new AggregateRow.Part(dimension.parameter(), site.status().name(), site.status().label());
            default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + dimension);
        };
    }

    @Override
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
        List<CountedSite> sites = counted(period);
        List<AggregateRow> rows = switch (groupBy) {
            case SITE -> sites.stream().map(s -> row(s.view().siteId().value(), s.view().registration().name(), Tally.of(s))).toList();
            case REGIERUNGSBEZIRK -> byRegierungsbezirk(sites);
            case STATUS -> byStatus(sites);
            default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
        };
        return new Aggregation(rows, values(sites.stream().map(Tally::of).reduce(Tally.NONE, Tally::plus)));
    }

    /** A site that exists at the time asked for, with the status and full-time equivalents it had then. */
    private record CountedSite(SiteView view, SiteStatus status, BigDecimal fte) {
    }

    /** What a row adds up: sites and their full-time equivalents. */
    private record Tally(long sites, BigDecimal fte) {

        static final Tally NONE = new Tally(0, BigDecimal.ZERO);

        static Tally of(CountedSite site) {
            return new Tally(1, site.fte());
        }

        Tally plus(Tally other) {
            return new Tally(sites + other.sites, fte.add(other.fte));
        }
    }

    private List<CountedSite> counted(Optional<Period> period) {
        List<CountedSite> sites = new ArrayList<>();
        for (SiteView view : views.registered()) {
            Optional<SiteStatus> status = period.isPresent() ? view.statusOn(period.get().end()) : view.status();
            BigDecimal fte = period.isPresent() ? view.fteOn(period.get().end()) : view.fte();
            status.ifPresent(s -> sites.add(new CountedSite(view, s, fte)));
        }
        return sites;
    }

    /** All five regions in key order, also those with no site, so that tables and charts keep their shape. */
    private static List<AggregateRow> byRegierungsbezirk(List<CountedSite> sites) {
        Map<Regierungsbezirk, Tally> tallies = new EnumMap<>(Regierungsbezirk.class);
        sites.forEach(s -> tallies.merge(s.view().registration().regierungsbezirk(), Tally.of(s), Tally::plus));
        List<AggregateRow> rows = new ArrayList<>();
        for (Regierungsbezirk rb : Regierungsbezirk.values()) {
            rows.add(row(rb.code(), rb.label(), tallies.getOrDefault(rb, Tally.NONE)));
        }
        return rows;
    }

    /** Every status in lifecycle order, also those with no site. */
    private static List<AggregateRow> byStatus(List<CountedSite> sites) {
        Map<SiteStatus, Tally> tallies = new EnumMap<>(SiteStatus.class);
        sites.forEach(s -> tallies.merge(s.status(), Tally.of(s), Tally::plus));
        List<AggregateRow> rows = new ArrayList<>();
        for (SiteStatus status : SiteStatus.values()) {
            rows.add(row(status.name(), status.label(), tallies.getOrDefault(status, Tally.NONE)));
        }
        return rows;
    }

    private static AggregateRow row(String key, String label, Tally tally) {
        return new AggregateRow(key, label, values(tally));
    }

    private static Map<String, CellValue> values(Tally tally) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put(SITES.name(), CellValue.of(tally.sites()));
        values.put(FTE.name(), CellValue.of(tally.fte()));
        return values;
    }
}
