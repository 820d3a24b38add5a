package nrw.kinetz.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of euros, exact to the cent and never negative: what was applied for, granted, drawn, passed on,
 * spent or has to be paid back. On the wire it is a JSON string with exactly two decimals ({@code "15000.00"}),
 * never a JSON number, because a binary floating-point number cannot hold every cent amount; in code it is
 * whole cents.
 *
 * @param cents the amount in cents, ≥ 0
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    private static final Pattern SYNTAX = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,2})?");
    /** 10^13 euros: far above any budget, well below the range of a long in cents. */
    private static final String EXPECTED = "an amount in euros such as \"15000.00\" or \"99.5\": digits, at most two"
            + " decimal places, a point as decimal separator";

    /** @throws IllegalArgumentException if {@code cents} is negative */
    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("an amount is never negative: " + cents + " cents");
        }
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** @throws InvalidValueException if {@code euros} is negative or has more than two decimal places */
    public static Money of(BigDecimal euros) {
        if (euros.signum() < 0) {
            throw new InvalidValueException(euros.toPlainString() + " is negative; an amount must be 0 or more", euros.toPlainString());
        }
        if (euros.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(euros.toPlainString() + " has more than two decimal places; amounts are exact to the cent",
                    euros.toPlainString());
        }
        return new Money(euros.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /**
     * Reads the wire form. Surrounding blanks are tolerated; a sign, a decimal comma, thousands separators
     * or a third decimal place are not, so that no amount is ever guessed at.
     *
     * @throws InvalidValueException naming what was wrong and what is accepted
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("an amount is required: " + EXPECTED, text);
        }
        String value = text.strip();
        if (value.startsWith("-")) {
            throw new InvalidValueException(InvalidValueException.quote(text) + " is negative; an amount must be 0 or more", text);
        }
        if (value.matches("[0-9]+\\.[0-9]{3,}")) {
            throw new InvalidValueException(InvalidValueException.quote(text)
                    + " has more than two decimal places; amounts are exact to the cent", text);
        }
        if (!SYNTAX.matcher(value).matches()) {
            throw new InvalidValueException(InvalidValueException.quote(text) + " is not " + EXPECTED, text);
        }
        return of(new BigDecimal(value));
    }

    /** @return the amount in euros with exactly two decimal places */
    public BigDecimal euros() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    /** @throws IllegalArgumentException if {@code other} is larger than this amount */
    public Money minus(Money other) {
        return new Money(cents - other.cents);
    }

    public boolean exceeds(Money other) {
        return cents > other.cents;
    }

    public boolean isZero() {
        return cents == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** The wire form: euros with exactly two decimal places, e.g. {@code 15000.00}. */
    @JsonValue
    @Override
    public String toString() {
        return euros().toPlainString();
    }
}
