package nrw.kinetz.reporting.site;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;

/**
 * {@code measure=sites}: how many KI sites the network has, by Regierungsbezirk, by status or one row per
 * site. Every registered site counts whatever its status, so that the total is the same for every grouping
 * and a closed site stays visible in the status row "geschlossen".
 *
 * <p>Without a period the answer is the network now; with one it is the network as of the period's last day
 * (the status each site had then; sites whose first known step is later are not counted), which answers
 * questions like "how many KIs were established by the end of 2013".
 *
 * <p>The network has 54 sites, so grouping the views in memory is cheaper than anything the store could do.
 */
final class SitesMeasure implements Measure {

    static final String NAME = "sites";
    static final Metric SITES = Metric.count("sites");

    private final SiteViews views;

    SitesMeasure(SiteViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(SITES);
    }

    @Override
    public List<Dimension> dimensions() {
        return List.of(Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.STATUS);
    }

    @Override
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
        List<CountedSite> sites = counted(period);
        List<AggregateRow> rows = switch (groupBy) {
            case SITE -> sites.stream().map(s -> row(s.view().siteId().value(), s.view().registration().name(), 1)).toList();
            case REGIERUNGSBEZIRK -> byRegierungsbezirk(sites);
            case STATUS -> byStatus(sites);
            default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
        };
        return new Aggregation(rows, Map.of(SITES.name(), CellValue.of(sites.size())));
    }

    /** A site that exists at the time asked for, with the status it had then. */
    private record CountedSite(SiteView view, SiteStatus status) {
    }

    private List<CountedSite> counted(Optional<Period> period) {
        List<CountedSite> sites = new ArrayList<>();
        for (SiteView view : views.registered()) {
            Optional<SiteStatus> status = period.isPresent() ? view.statusOn(period.get().end()) : view.status();
            status.ifPresent(s -> sites.add(new CountedSite(view, s)));
        }
        return sites;
    }

    /** All five regions in key order, also those with no site, so that tables and charts keep their shape. */
    private static List<AggregateRow> byRegierungsbezirk(List<CountedSite> sites) {
        Map<Regierungsbezirk, Integer> counts = new EnumMap<>(Regierungsbezirk.class);
        sites.forEach(s -> counts.merge(s.view().registration().regierungsbezirk(), 1, Integer::sum));
        List<AggregateRow> rows = new ArrayList<>();
        for (Regierungsbezirk rb : Regierungsbezirk.values()) {
            rows.add(row(rb.code(), rb.label(), counts.getOrDefault(rb, 0)));
        }
        return rows;
    }

    /** Every status in lifecycle order, also those with no site. */
    private static List<AggregateRow> byStatus(List<CountedSite> sites) {
        Map<SiteStatus, Integer> counts = new EnumMap<>(SiteStatus.class);
        sites.forEach(s -> counts.merge(s.status(), 1, Integer::sum));
        List<AggregateRow> rows = new ArrayList<>();
        for (SiteStatus status : SiteStatus.values()) {
            rows.add(row(status.name(), status.label(), counts.getOrDefault(status, 0)));
        }
        return rows;
    }

    private static AggregateRow row(String key, String label, long sites) {
        return new AggregateRow(key, label, Map.of(SITES.name(), CellValue.of(sites)));
    }
}
