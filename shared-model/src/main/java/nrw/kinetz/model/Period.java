package nrw.kinetz.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A reporting period: a month ({@code 2026-07}), a quarter ({@code 2026-Q3}) or a budget year
 * ({@code 2026}). Grants and the Verwendungsnachweis run per budget year, and in NRW the Haushaltsjahr is
 * the calendar year, so a budget year needs no start-month setting.
 *
 * <p>The canonical text is the only form on the wire (query parameter {@code period=}, JSON, CSV):
 * {@code Period.parse(p.toString()).equals(p)} always holds. Years are limited to 2000..2100 because
 * anything outside is a typo (KOMM-IN, the oldest programme tracked, began in 2005), and accepting it
 * would create empty periods that look like real ones.
 */
public sealed interface Period {

    /** The coarseness of a period, e.g. for "group these dates by quarter". */
    enum Granularity {
        MONTH, QUARTER, BUDGET_YEAR
    }

    /** Smallest year accepted. */
    int MIN_YEAR = 2000;

    /** Largest year accepted. */
    int MAX_YEAR = 2100;

    /** @return the first day of the period */
    LocalDate start();

    /** @return the last day of the period, inclusive, so that it can be shown to people as is */
    LocalDate end();

    /** @return which kind of period this is */
    Granularity granularity();

    /** @return {@code true} if {@code date} lies between {@link #start()} and {@link #end()}, both included */
    default boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** @return the canonical text, the JSON form of every period */
    @JsonValue
    default String value() {
        return toString();
    }

    /**
     * Accepts exactly the canonical forms {@code YYYY-MM}, {@code YYYY-Qn} (also {@code q}) and
     * {@code YYYY}, after removing surrounding blanks. Nothing else is guessed at (no {@code 2026-7}, no
     * {@code Q3/2026}), so that one period has one spelling in every feed and cache key.
     *
     * @throws InvalidValueException naming the accepted forms
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("a period is required: " + PeriodSyntax.EXPECTED, text);
        }
        Matcher m = PeriodSyntax.PATTERN.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidValueException(InvalidValueException.quote(text) + " is not a period: " + PeriodSyntax.EXPECTED, text);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException(InvalidValueException.quote(text) + " is not a period: the year must be between "
                    + MIN_YEAR + " and " + MAX_YEAR, text);
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidValueException(InvalidValueException.quote(text)
                        + " is not a period: the month must be 01 to 12, e.g. 2026-07", text);
            }
            return new Month(year, month);
        }
        if (m.group(3) != null) {
            int quarter = Integer.parseInt(m.group(3));
            if (quarter < 1 || quarter > 4) {
                throw new InvalidValueException(InvalidValueException.quote(text)
                        + " is not a period: the quarter must be Q1 to Q4, e.g. 2026-Q3", text);
            }
            return new Quarter(year, quarter);
        }
        return new BudgetYear(year);
    }

    /** @return the period of the given granularity that contains {@code date} */
    static Period of(LocalDate date, Granularity granularity) {
        Objects.requireNonNull(granularity, "granularity");
        return switch (granularity) {
            case MONTH -> monthOf(date);
            case QUARTER -> quarterOf(date);
            case BUDGET_YEAR -> budgetYearOf(date);
        };
    }

    /** @return the month that contains {@code date} */
    static Month monthOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new Month(date.getYear(), date.getMonthValue());
    }

    /** @return the quarter that contains {@code date} */
    static Quarter quarterOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** @return the budget year (= calendar year) that contains {@code date} */
    static BudgetYear budgetYearOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new BudgetYear(date.getYear());
    }

    /**
     * A calendar month, e.g. {@code 2026-07}.
     *
     * @param year  2000..2100
     * @param month 1..12
     */
    record Month(int year, int month) implements Period {

        /** @throws InvalidValueException if year or month is out of range */
        public Month {
            if (year < MIN_YEAR || year > MAX_YEAR) {
                // the text only for the refusal: a month is built for every activity a listener reads
                PeriodSyntax.requireYear(year, String.format("%d-%02d", year, month));
            }
            if (month < 1 || month > 12) {
                throw new InvalidValueException("month must be 1 to 12, was " + month, String.valueOf(month));
            }
        }

        /**
         * For fields typed as a month: rejects a quarter or a year instead of silently widening them.
         *
         * @throws InvalidValueException if {@code text} is not a canonical month
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Month parse(String text) {
            return PeriodSyntax.as(Month.class, Period.parse(text), text, "a month: expected YYYY-MM, e.g. 2026-07");
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(year, month, 1);
        }

        @Override
        public LocalDate end() {
            return start().withDayOfMonth(start().lengthOfMonth());
        }

        @Override
        public Granularity granularity() {
            return Granularity.MONTH;
        }

        @Override
        public String toString() {
            // by hand rather than String.format: every cell key and ledger entry writes its month
            char[] text = {(char) ('0' + year / 1000 % 10), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
                    (char) ('0' + year % 10), '-', (char) ('0' + month / 10), (char) ('0' + month % 10)};
            return new String(text);
        }
    }

    /**
     * A calendar quarter, e.g. {@code 2026-Q3} (July to September).
     *
     * @param year    2000..2100
     * @param quarter 1..4
     */
    record Quarter(int year, int quarter) implements Period {

        /** @throws InvalidValueException if year or quarter is out of range */
        public Quarter {
            PeriodSyntax.requireYear(year, year + "-Q" + quarter);
            if (quarter < 1 || quarter > 4) {
                throw new InvalidValueException("quarter must be 1 to 4, was " + quarter, String.valueOf(quarter));
            }
        }

        /**
         * For fields typed as a quarter.
         *
         * @throws InvalidValueException if {@code text} is not a canonical quarter
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Quarter parse(String text) {
            return PeriodSyntax.as(Quarter.class, Period.parse(text), text, "a quarter: expected YYYY-Qn, e.g. 2026-Q3");
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        }

        @Override
        public LocalDate end() {
            return start().plusMonths(3).minusDays(1);
        }

        @Override
        public Granularity granularity() {
            return Granularity.QUARTER;
        }

        @Override
        public String toString() {
            return String.format("%04d-Q%d", year, quarter);
        }
    }

    /**
     * A budget year (Haushaltsjahr), which in NRW is the calendar year, e.g. {@code 2026}.
     *
     * @param year 2000..2100
     */
    record BudgetYear(int year) implements Period {

        /** @throws InvalidValueException if the year is out of range */
        public BudgetYear {
            PeriodSyntax.requireYear(year, String.valueOf(year));
        }

        /**
         * For fields typed as a budget year.
         *
         * @throws InvalidValueException if {@code text} is not a canonical year
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static BudgetYear parse(String text) {
            return PeriodSyntax.as(BudgetYear.class, Period.parse(text), text, "a budget year: expected YYYY, e.g. 2026");
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(year, 1, 1);
        }

        @Override
        public LocalDate end() {
            return LocalDate.of(year, 12, 31);
        }

        @Override
        public Granularity granularity() {
            return Granularity.BUDGET_YEAR;
        }

        @Override
        public String toString() {
            return String.format("%04d", year);
        }
    }
}
