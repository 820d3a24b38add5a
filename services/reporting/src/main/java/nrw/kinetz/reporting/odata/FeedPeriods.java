package nrw.kinetz.reporting.odata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Period;

/**
 * The periods the OData feed offers rows for: all time ({@value #ALL_TIME}), and every budget year, quarter and month
 * from a first year up to the one running today — the periods the aggregates API accepts, so that each row of the
 * feed is one row of an aggregates answer.
 */
public final class FeedPeriods {

    /** The value of {@code period} for the rows over all time, the aggregates API's answer without a period. */
    public static final String ALL_TIME = "gesamt";

    private FeedPeriods() {
    }

    /** @return all time first, then the years, then the quarters, then the months; none that begins after today */
    public static List<Optional<Period>> offered(int firstYear, LocalDate today) {
        List<Optional<Period>> periods = new ArrayList<>();
        periods.add(Optional.empty());
        int lastYear = Math.max(firstYear, today.getYear());
        for (int year = firstYear; year <= lastYear; year++) {
            periods.add(Optional.of(new Period.BudgetYear(year)));
        }
        for (int year = firstYear; year <= lastYear; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                add(periods, new Period.Quarter(year, quarter), today);
            }
        }
        for (int year = firstYear; year <= lastYear; year++) {
            for (int month = 1; month <= 12; month++) {
                add(periods, new Period.Month(year, month), today);
            }
        }
        return periods;
    }

    private static void add(List<Optional<Period>> periods, Period period, LocalDate today) {
        if (!period.start().isAfter(today)) {
            periods.add(Optional.of(period));
        }
    }

    /** @return the feed's spelling: {@value #ALL_TIME} or the period's canonical spelling, e.g. {@code 2026-Q3} */
    public static String text(Optional<Period> period) {
        return period.map(Period::value).orElse(ALL_TIME);
    }

    /** @return what kind of period it is, in German: gesamt, Jahr, Quartal, Monat */
    public static String type(Optional<Period> period) {
        return period.map(p -> switch (p.granularity()) {
            case BUDGET_YEAR -> "Jahr";
            case QUARTER -> "Quartal";
            case MONTH -> "Monat";
        }).orElse(ALL_TIME);
    }

    /**
     * @param text a value of {@code period} as a filter names it
     * @return the period it names (empty optional for all time), or empty if it names none
     */
    public static Optional<Optional<Period>> parse(String text) {
        if (ALL_TIME.equals(text)) {
            return Optional.of(Optional.empty());
        }
        try {
            Period period = Period.parse(text);
            // Only the canonical spelling names a row: the feed's rows carry it and a filter compares text.
            return period.value().equals(text) ? Optional.of(Optional.of(period)) : Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
