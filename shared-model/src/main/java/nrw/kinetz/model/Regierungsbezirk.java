package nrw.kinetz.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The five government regions of NRW. A region is not stored next to a key but derived from it: it is
 * the third digit of the official key (AGS), so the two can never disagree.
 */
public enum Regierungsbezirk {

    DUESSELDORF('1', "Düsseldorf"),
    KOELN('3', "Köln"),
    MUENSTER('5', "Münster"),
    DETMOLD('7', "Detmold"),
    ARNSBERG('9', "Arnsberg");

    private final char digit;
    private final String label;

    Regierungsbezirk(char digit, String label) {
        this.digit = digit;
        this.label = label;
    }

    /** @return the German name people use, e.g. "Köln" */
    public String label() {
        return label;
    }

    /** @return the key digit as text, e.g. "3" for Köln */
    public String code() {
        return String.valueOf(digit);
    }

    /** {@link #values()} once: every site id a record names is checked against them, and values() copies the array. */
    private static final Regierungsbezirk[] ALL = values();

    /** @return the region the district lies in */
    public static Regierungsbezirk ofDistrictKey(DistrictKey districtKey) {
        Objects.requireNonNull(districtKey, "districtKey");
        // DistrictKey has validated the digit already, so a miss here is a programming error.
        return ofDigit(districtKey.value().charAt(2)).orElseThrow();
    }

    /**
     * Accepts what people and files actually write: the constant name ({@code KOELN}), the label
     * ({@code Köln}), both case-insensitive, or the key digit ({@code 3}).
     *
     * @throws InvalidValueException naming the accepted spellings
     */
    @JsonCreator
    public static Regierungsbezirk parse(String input) {
        if (input != null) {
            String text = input.strip();
            for (Regierungsbezirk rb : values()) {
                if (rb.name().equalsIgnoreCase(text) || rb.label.equalsIgnoreCase(text) || rb.code().equals(text)) {
                    return rb;
                }
            }
        }
        String allowed = Arrays.stream(values())
                .map(rb -> rb.name() + " (" + rb.label + ", " + rb.digit + ")")
                .collect(Collectors.joining(", "));
        String problem = input == null || input.isBlank() ? "a Regierungsbezirk is required"
                : InvalidValueException.quote(input) + " is not a Regierungsbezirk";
        throw new InvalidValueException(problem + "; allowed: " + allowed, input);
    }

    static Optional<Regierungsbezirk> ofDigit(char digit) {
        for (Regierungsbezirk rb : ALL) {
            if (rb.digit == digit) {
                return Optional.of(rb);
            }
        }
        return Optional.empty();
    }
}
