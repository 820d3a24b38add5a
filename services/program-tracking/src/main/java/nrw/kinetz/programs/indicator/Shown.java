package nrw.kinetz.programs.indicator;

import java.util.Map;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;

/**
 * How an indicator value is shown to a caller (docs/architecture.md#suppression): a count of people is exact for the
 * LaKI and for the site's own KI, which reported the activities behind it. Everyone else sees it as 0 or withheld —
 * {@code {"suppressed": true}} in JSON and {@code .} in CSV, never as a number: one site's indicator for one
 * measure and year read before and after an activity arrives would give that activity's people away, whatever
 * rounding a figure this fine carried.
 */
public final class Shown {

    public static final Map<String, Boolean> SUPPRESSED = Map.of("suppressed", true);

    private Shown() {
    }

    /** @param site the site the value is about */
    public static boolean suppressed(Indicator indicator, long value, Caller caller, SiteId site) {
        return indicator.countsPeople() && value != 0 && !caller.mayActFor(site);
    }

    /** The JSON value: the number, or the suppression marker. */
    public static Object json(Indicator indicator, long value, Caller caller, SiteId site) {
        return suppressed(indicator, value, caller, site) ? SUPPRESSED : value;
    }

    public static String csv(Indicator indicator, long value, Caller caller, SiteId site) {
        return suppressed(indicator, value, caller, site) ? CsvWriter.SUPPRESSED : Long.toString(value);
    }
}
