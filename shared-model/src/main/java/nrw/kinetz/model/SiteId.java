package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies one of the 54 KIs. Site and district are not the same thing: 53 districts run a KI, and the
 * city of Aachen runs a second one inside the Städteregion Aachen. So a site id is the 5-digit district
 * key, except for the city of Aachen, whose KI is known by its 8-digit municipal key {@code 05334002}.
 *
 * <p>It is the Kafka key of every site-scoped stream and the {@code site} claim of a KI's token; in JSON
 * it is a plain string. Whether the site exists is answered by {@link nrw.kinetz.model.reference.KiSites}.
 *
 * @param value the 5-digit district key or {@code 05334002}
 */
public record SiteId(String value) {

    /** The only municipal key that is a KI: the city of Aachen inside the Städteregion Aachen. */
    public static final SiteId AACHEN_CITY = new SiteId("05334002");

    private static final String AACHEN_CITY_KEY = "05334002";

    /**
     * Synthetic sites, {@code 05999001} to {@code 05999999}: well-formed, in a district that does not exist, and
     * refused by the site registry unless it is started for a benchmark's growth run (ten times the 54 sites).
     */
    private static final String SYNTHETIC_PREFIX = "05999";

    private static final String EXPECTED =
            "expected the 5-digit district key (e.g. 05974) or 05334002 for the city of Aachen";

    /**
     * @throws InvalidValueException if {@code value} is neither an NRW district key nor {@code 05334002}
     */
    public SiteId {
        requireWellFormed(value, value);
    }

    /**
     * Parses a site id as received; surrounding blanks (typical of CSV cells) are removed first.
     *
     * @throws InvalidValueException with a message that says which rule was broken
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SiteId of(String value) {
        String stripped = value == null ? null : value.strip();
        requireWellFormed(stripped, value);
        return new SiteId(stripped);
    }

    /** @return the site of the KI that serves the whole district */
    public static SiteId of(DistrictKey districtKey) {
        return new SiteId(districtKey.value());
    }

    /** The JSON form: the bare id, as it appears in {@code ce_source} ({@code /ki/<siteId>}) and tokens. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** @return the district the site lies in: the first five digits (05334 for the city of Aachen) */
    public DistrictKey districtKey() {
        return new DistrictKey(value.substring(0, 5));
    }

    /** @return the region, derived from the district key */
    public Regierungsbezirk regierungsbezirk() {
        return districtKey().regierungsbezirk();
    }

    /** @return {@code true} for a KI run by a municipality inside a district (today only the city of Aachen) */
    public boolean isMunicipality() {
        return value.equals(AACHEN_CITY_KEY);
    }

    /** @return {@code true} for a site of the synthetic key range, which only a benchmark registers */
    public boolean isSynthetic() {
        return value.length() == 8 && value.startsWith(SYNTHETIC_PREFIX);
    }

    /**
     * @param n 1 to 999
     * @return the n-th site of the synthetic key range ({@code 05999001} for 1)
     */
    public static SiteId synthetic(int n) {
        if (n < 1 || n > 999) {
            throw new IllegalArgumentException("a synthetic site is numbered 1 to 999, was " + n);
        }
        return new SiteId(SYNTHETIC_PREFIX + String.format(java.util.Locale.ROOT, "%03d", n));
    }

    @Override
    public String toString() {
        return value;
    }

    private static void requireWellFormed(String candidate, String asReceived) {
        String problem = problem(candidate);
        if (problem != null) {
            String what = candidate == null || candidate.isEmpty() ? "a KI site id is required"
                    : InvalidValueException.quote(asReceived) + " is not a KI site id";
            throw new InvalidValueException(what + ": " + problem, asReceived);
        }
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty() || !DistrictKey.isAsciiDigits(value)) {
            return EXPECTED;
        }
        if (value.length() == 8) {
            if (value.equals(AACHEN_CITY_KEY) || value.startsWith(SYNTHETIC_PREFIX) && !value.endsWith("000")) {
                return null;
            }
            // Most likely a municipality inside a district whose KI is the district's: point there.
            String district = value.substring(0, 5);
            String hint = DistrictKey.problem(district) == null
                    ? "; a municipality is served by its district's KI, here " + district
                    : "";
            return "the only KI with a municipal key is the city of Aachen (05334002); "
                    + "every other KI uses its 5-digit district key" + hint;
        }
        if (value.length() != 5) {
            return EXPECTED;
        }
        return DistrictKey.problem(value);
    }
}
