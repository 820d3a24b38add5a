package nrw.kinetz.reporting.activity.model;

import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;

/**
 * Which cells to read.
 *
 * @param period the months of this period (a month, a quarter, a budget year); empty for all time
 * @param site   only this site's cells; empty for the whole network
 */
public record CellQuery(Optional<Period> period, Optional<SiteId> site) {

    public CellQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(site, "site");
    }

    public static CellQuery all() {
        return new CellQuery(Optional.empty(), Optional.empty());
    }

    public static CellQuery of(Period period) {
        return new CellQuery(Optional.of(period), Optional.empty());
    }

    public boolean matches(CellKey key) {
        return period.map(p -> p.contains(key.month().start())).orElse(true) && site.map(key.site()::equals).orElse(true);
    }
}
