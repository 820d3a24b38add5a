package nrw.kinetz.reporting.site.adapter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.site.SiteView;
import nrw.kinetz.reporting.site.SitesMeasure;

/**
 * The sites whose view changed since they were last fed, as changes for the feed, the live stream and
 * {@code laki.aggregates.v1}: one aggregate per site ({@code sites/<site id>}), its coordinates site,
 * Regierungsbezirk and status, its values whether it is registered ({@code sites}, 0 or 1) and its staff in
 * full-time equivalents ({@code fte}, exact decimal). Because of the decimal it goes to the topic as version 2 of the
 * aggregate event. Its period is the month of the latest fact the view holds (a status taking effect, a staffing
 * plan recorded): the month from which this value holds.
 */
public final class SiteChanges implements ChangeSource {

    public static final String ORIGIN = "sites";
    private static final String KEY_PREFIX = SitesMeasure.NAME + "/";

    private final MongoSiteViews views;

    public SiteChanges(MongoSiteViews views) {
        this.views = views;
    }

    public static String key(String siteId) {
        return KEY_PREFIX + siteId;
    }

    @Override
    public List<Change> pending(int limit) {
        return views.dirty(null, limit).stream().map(SiteChanges::change).toList();
    }

    @Override
    public List<Change> pending(Collection<String> keys) {
        List<String> ids = keys.stream().filter(k -> k.startsWith(KEY_PREFIX)).map(k -> k.substring(KEY_PREFIX.length())).toList();
        return ids.isEmpty() ? List.of() : views.dirty(ids, ids.size()).stream().map(SiteChanges::change).toList();
    }

    @Override
    public long pendingCount() {
        return views.dirty(null, Integer.MAX_VALUE).size();
    }

    @Override
    public void fed(List<Change> changes) {
        changes.forEach(change -> views.fed(change.key().substring(KEY_PREFIX.length()), change.revision()));
    }

    @Override
    public boolean owns(Change change) {
        return SitesMeasure.NAME.equals(change.measure());
    }

    static Change change(SiteView view) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("site", view.siteId().value());
        dimensions.put("regierungsbezirk", view.isRegistered() ? view.registration().regierungsbezirk().code()
                : view.siteId().regierungsbezirk().code());
        view.status().ifPresent(status -> dimensions.put("status", status.name()));
        LocalDate since = Stream.concat(view.statusHistory().stream().map(SiteView.StatusStep::since),
                view.staffingHistory().stream().map(SiteView.StaffingStep::since)).max(LocalDate::compareTo).orElseThrow();
        return new Change(ORIGIN, key(view.siteId().value()), view.revision(), SitesMeasure.NAME,
                Period.of(since, Period.Granularity.MONTH), dimensions,
                Map.of(SitesMeasure.SITES.name(), view.isRegistered() ? 1L : 0L),
                Map.of(SitesMeasure.FTE.name(), twoDecimalsAtLeast(view.fte())));
    }

    /** Writes {@code 5.5} as {@code 5.50}; never rounds, so a value with more decimals stays exact. */
    static BigDecimal twoDecimalsAtLeast(BigDecimal value) {
        return value.setScale(Math.max(2, value.scale()));
    }
}
