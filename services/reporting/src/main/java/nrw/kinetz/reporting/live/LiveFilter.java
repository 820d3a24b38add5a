package nrw.kinetz.reporting.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.feed.FeedEntry;

/**
 * What a client of {@code /api/v1/live} wants to see.
 *
 * <p>Without {@code groupBy} it gets every aggregate change as it is (event {@code aggregate}: one site-level
 * cell). With {@code groupBy} it gets, for every table a change touched, the whole table as
 * {@code /api/v1/aggregates?measure=activities&groupBy=…&period=…} answers it (event {@code report}) — with
 * {@code period}, only that period's table; without, the month, quarter and budget year of the change.
 * {@code site} narrows both to one site's data; {@code period} narrows the aggregate events to that period.
 *
 * @param groupBy the grouping of the tables, empty for aggregate events
 * @param site    only this site, empty for the whole network
 * @param period  only this period, empty for all
 */
public record LiveFilter(Optional<Dimension> groupBy, Optional<SiteId> site, Optional<Period> period) {

    public static final String ACTIVITIES = "activities";

    public LiveFilter {
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(period, "period");
    }

    public boolean matches(FeedEntry entry) {
        return site.map(s -> s.value().equals(entry.dimensions().get("site"))).orElse(true)
                && period.map(p -> p.contains(entry.period().start())).orElse(true)
                && (groupBy.isEmpty() || entry.measure().equals(ACTIVITIES));
    }

    /** @return the periods of the tables {@code entry} changes, for a client with {@code groupBy} */
    public List<Period> tables(FeedEntry entry) {
        if (groupBy.isEmpty() || !matches(entry)) {
            return List.of();
        }
        if (period.isPresent()) {
            return List.of(period.get());
        }
        List<Period> periods = new ArrayList<>();
        for (Period.Granularity granularity : Period.Granularity.values()) {
            periods.add(Period.of(entry.period().start(), granularity));
        }
        return periods;
    }
}
