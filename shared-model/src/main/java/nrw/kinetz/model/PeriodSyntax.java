package nrw.kinetz.model;

import java.util.regex.Pattern;

/** Parsing details kept out of {@link Period}'s public surface (interface members are always public). */
final class PeriodSyntax {

    static final String EXPECTED = "expected YYYY-MM (e.g. 2026-07), YYYY-Qn (e.g. 2026-Q3) or YYYY (e.g. 2026)";

    static final Pattern PATTERN = Pattern.compile("([0-9]{4})(?:-([0-9]{2})|-[Qq]([0-9]))?");

    private PeriodSyntax() {
    }

    static void requireYear(int year, String shown) {
        if (year < Period.MIN_YEAR || year > Period.MAX_YEAR) {
            throw new InvalidValueException(InvalidValueException.quote(shown) + " is not a period: the year must be between "
                    + Period.MIN_YEAR + " and " + Period.MAX_YEAR, shown);
        }
    }

    static <P extends Period> P as(Class<P> type, Period period, String text, String expected) {
        if (!type.isInstance(period)) {
            throw new InvalidValueException(InvalidValueException.quote(text) + " is not " + expected, text);
        }
        return type.cast(period);
    }
}
