package nrw.kinetz.programs.indicator;

import java.util.Map;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.program.Indicator;

/**
 * How an indicator value is shown to a caller: counts of people from 1 to 4 are suppressed for everyone but
 * the LaKI, as {@code {"suppressed": true}} in JSON and {@code .} in CSV, never as 0 or null.
 */
public final class Shown {

    public static final Map<String, Boolean> SUPPRESSED = Map.of("suppressed", true);

    private Shown() {
    }

    public static boolean suppressed(Indicator indicator, long value, Caller caller) {
        return indicator.countsPeople() && value >= 1 && value <= 4 && !caller.seesExactNumbers();
    }

    /** The JSON value: the number, or the suppression marker. */
    public static Object json(Indicator indicator, long value, Caller caller) {
        return suppressed(indicator, value, caller) ? SUPPRESSED : value;
    }

    public static String csv(Indicator indicator, long value, Caller caller) {
        return suppressed(indicator, value, caller) ? CsvWriter.SUPPRESSED : Long.toString(value);
    }
}
