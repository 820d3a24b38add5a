package nrw.kinetz.reporting.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One cell of an aggregate: an exact count, an exact amount, or the marker that it is withheld. In JSON an exact
 * count is a plain number, an amount decimal text with two decimals ({@code "15000.00"}: a JSON number is read as
 * a binary floating-point number by many consumers and would lose cents) and a withheld one is {@code {"suppressed":true}} (docs/architecture.md#suppression) —
 * never 0 or null, which would read as real values.
 */
public sealed interface CellValue permits CellValue.Count, CellValue.Amount, CellValue.Suppressed {

    /** The one withheld cell; it carries nothing, so one instance serves all. */
    public Suppressed SUPPRESSED = new Suppressed();

    public static Count of(long value) {
        return new Count(value);
    }

    /**
     * An exact count.
     *
     * @param value never negative: corrections are retractions, not negative counts (docs/architecture.md#idempotency)
     */
    public record Count(long value) implements CellValue {

        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("a count is never negative, was " + value);
            }
        }

        @JsonValue
        @Override
        public long value() {
            return value;
        }
    }

    public static Amount of(BigDecimal value) {
        return new Amount(value);
    }

    /**
     * An exact decimal quantity that is not a count, e.g. euros or full-time equivalents (5.5). It never counts
     * people, so it is never withheld; in JSON a string with two decimals ({@code "5.50"}), in CSV with a decimal
     * comma.
     *
     * @param value never negative
     */
    public record Amount(BigDecimal value) implements CellValue {

        public Amount {
            if (value.signum() < 0) {
                throw new IllegalArgumentException("an amount is never negative, was " + value);
            }
            value = value.setScale(2, RoundingMode.HALF_UP);
        }

        /** @return the JSON form: plain decimal text with two decimals, never a JSON number */
        @JsonValue
        public String text() {
            return value.toPlainString();
        }
    }

    /** A count withheld from this caller because it could identify people. */
    public record Suppressed() implements CellValue {

        @JsonProperty("suppressed")
        public boolean suppressed() {
            return true;
        }
    }
}
