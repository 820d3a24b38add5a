package nrw.kinetz.model;

import java.io.Serial;

/**
 * A value from outside (a KI system's payload, a CSV cell, a query parameter) is not one the network
 * understands.
 *
 * <p>It extends {@link IllegalArgumentException} so that code which already maps that exception to a
 * 400 answer keeps working, but it is its own type so that an error handler can trust that the message
 * is written for the person who sent the value: it names the rejected input and says what would have
 * been accepted, and can therefore be shown as the {@code detail} of an RFC 9457 problem unchanged.
 */
public class InvalidValueException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Kept separately from the message so that a handler can echo the input without parsing text. */
    private final String value;

    /**
     * @param message what is wrong and what would be accepted, e.g.
     *                {@code "'0597' is not a district key: expected 5 digits starting with 05 (NRW), e.g. 05974"}
     * @param value   the rejected input exactly as received, {@code null} if nothing was given
     */
    public InvalidValueException(String message, String value) {
        super(message);
        this.value = value;
    }

    /**
     * @return the rejected input exactly as received (not trimmed), or {@code null} when the value was
     *         missing
     */
    public String value() {
        return value;
    }

    /** Renders an input for a message so that a missing value and an empty one stay distinguishable. */
    static String quote(String input) {
        return input == null ? "null" : "'" + input + "'";
    }
}
