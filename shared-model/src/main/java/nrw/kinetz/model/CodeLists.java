package nrw.kinetz.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one parsing rule for every code list, so that a CSV cell, a query parameter and a JSON field
 * accept the same spellings and fail with the same kind of message.
 */
public final class CodeLists {

    private CodeLists() {
    }

    /**
     * Exact code match after trimming and upper-casing: spreadsheets add blanks and people type lower
     * case, but labels or near-misses are not guessed at, because a wrong guess would silently count an
     * activity under the wrong heading.
     *
     * @param what the noun for the message, with article, e.g. "a focus area"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String input, String what) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(what + " is required; allowed: " + allowed(type), input);
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        throw new InvalidValueException(
                InvalidValueException.quote(input) + " is not " + what + "; allowed: " + allowed(type), input);
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
