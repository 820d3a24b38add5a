package nrw.kinetz.reporting.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One cell of an aggregate: an exact count, an exact amount, or the marker that it is withheld. In JSON an exact
 * count or amount is a plain number and a withheld one is {@code {"suppressed":true}} (docs/architecture.md#suppression) —
 * never 0 or null, which would read as real values.
 */
public sealed interface CellValue permits CellValue.Count, CellValue.Amount, CellValue.Suppressed {

    /** The one withheld cell; it carries nothing, so one instance serves all. */
    Suppressed SUPPRESSED = new Suppressed();

    static Count of(long value) {
        return new Count(value);
    }

    /**
     * An exact count.
     *
     * @param value never negative: corrections are retractions, not negative counts (docs/architecture.md#idempotency)
     */
    record Count(long value) implements CellValue {

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

    static Amount of(BigDecimal value) {
        return new Amount(value);
    }

    /**
     * An exact decimal quantity that is not a count, e.g. full-time equivalents (5.5). It never counts people,
     * so it is never withheld; in JSON a number with two decimals, in CSV with a decimal comma.
     *
     * @param value never negative
     */
    record Amount(BigDecimal value) implements CellValue {

        public Amount {
            if (value.signum() < 0) {
                throw new IllegalArgumentException("an amount is never negative, was " + value);
            }
            value = value.setScale(2, RoundingMode.HALF_UP);
        }

        @JsonValue
        @Override
        public BigDecimal value() {
            return value;
        }
    }

    /** A count withheld from this caller because it could identify people. */
    record Suppressed() implements CellValue {

        @JsonProperty("suppressed")
        public boolean suppressed() {
            return true;
        }
    }
}
