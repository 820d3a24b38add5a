package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The official key (Amtlicher Gemeindeschlüssel, district level) of an NRW Kreis, kreisfreie Stadt or
 * the Städteregion Aachen, e.g. {@code 05974} for Kreis Soest.
 *
 * <p>Only the shape is checked here (5 digits, {@code 05} for NRW, a real Regierungsbezirk digit); whether
 * a district with that key exists is a question for {@link nrw.kinetz.model.reference.KiSites}, because the
 * shape rules never change while the list could.
 *
 * <p>In JSON it is a plain string, as the outside world writes keys.
 *
 * @param value the five digits, kept as text because the leading zero matters
 */
public record DistrictKey(String value) {

    static final String EXPECTED = "expected 5 digits starting with 05 (NRW), e.g. 05974";

    /**
     * @throws InvalidValueException if {@code value} is not a well-formed NRW district key
     */
    public DistrictKey {
        requireWellFormed(value, value);
    }

    /**
     * Parses a key as received; surrounding blanks (typical of CSV cells) are removed first.
     *
     * @throws InvalidValueException with a message that says which rule was broken
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DistrictKey of(String value) {
        String stripped = value == null ? null : value.strip();
        requireWellFormed(stripped, value);
        return new DistrictKey(stripped);
    }

    /** The JSON form: the bare key, so that payloads read like the official lists. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** @return the government region, i.e. the region named by the third digit */
    public Regierungsbezirk regierungsbezirk() {
        return Regierungsbezirk.ofDistrictKey(this);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Reports the input as the caller sent it, not the trimmed copy that was checked. */
    private static void requireWellFormed(String candidate, String asReceived) {
        String problem = problem(candidate);
        if (problem != null) {
            String what = candidate == null || candidate.isEmpty() ? "a district key is required"
                    : InvalidValueException.quote(asReceived) + " is not a district key";
            throw new InvalidValueException(what + ": " + problem, asReceived);
        }
    }

    /**
     * Shared with {@link SiteId} so that both explain a malformed district key in the same words.
     *
     * @return why {@code value} is not a district key, or {@code null} if it is one
     */
    static String problem(String value) {
        if (value == null || value.isBlank()) {
            return EXPECTED;
        }
        if (!isAsciiDigits(value)) {
            return EXPECTED;
        }
        if (value.length() == 8 && value.startsWith("05")) {
            return EXPECTED + "; an 8-digit municipal key is not a district key, its first 5 digits are";
        }
        if (value.length() != 5) {
            return EXPECTED;
        }
        if (!value.startsWith("05")) {
            return EXPECTED + "; keys starting with " + value.substring(0, 2) + " belong to another state";
        }
        if (Regierungsbezirk.ofDigit(value.charAt(2)).isEmpty()) {
            return "the third digit names the Regierungsbezirk and must be 1, 3, 5, 7 or 9, e.g. 05974";
        }
        return null;
    }

    static boolean isAsciiDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
