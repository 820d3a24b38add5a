package nrw.kinetz.reporting.activity.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;

/**
 * The coordinates of one cell of the activities read model: site × month × focus area × activity type ×
 * programme. The field of action is not a coordinate of its own because the focus area fixes it, and the
 * Regierungsbezirk is the site's. Quarters and budget years are not stored either: they are sums of months
 * and are rolled up when asked for, so each event writes one cell instead of three.
 *
 * @param site         the KI site
 * @param month        the month the activity took place in
 * @param focusArea    the focus area
 * @param activityType the activity type
 * @param program      the programme, {@code null} for activities without one
 */
public record CellKey(SiteId site, Period.Month month, FocusArea focusArea, ActivityType activityType, Program program) {

    /** The measure name, also the first segment of every key. */
    public static final String MEASURE = "activities";

    /** How an absent programme is written in keys and row keys. */
    public static final String NO_PROGRAM = "NONE";

    public CellKey {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(activityType, "activityType");
    }

    public Field field() {
        return focusArea.field();
    }

    public Regierungsbezirk regierungsbezirk() {
        return site.districtKey().regierungsbezirk();
    }

    /** @return the programme's code, or {@value #NO_PROGRAM} */
    public String programCode() {
        return program == null ? NO_PROGRAM : program.name();
    }

    /**
     * The aggregate key of the contract: stable, readable, the Kafka key of {@code laki.aggregates.v1}, e.g.
     * {@code activities/05974/2026-07/FRUEHE_BILDUNG/BERATUNG/KOMM_AN_II}.
     */
    public String value() {
        return MEASURE + "/" + site.value() + "/" + month + "/" + focusArea.name() + "/" + activityType.name() + "/" + programCode();
    }

    /** @throws IllegalArgumentException if {@code key} is not a {@link #value()} */
    public static CellKey parse(String key) {
        String[] parts = key.split("/");
        if (parts.length != 6 || !parts[0].equals(MEASURE)) {
            throw new IllegalArgumentException("not an activities cell key: " + key);
        }
        return new CellKey(SiteId.of(parts[1]), Period.Month.parse(parts[2]), FocusArea.valueOf(parts[3]),
                ActivityType.valueOf(parts[4]), parts[5].equals(NO_PROGRAM) ? null : Program.valueOf(parts[5]));
    }

    /** @return the coordinates by their {@code groupBy} names; {@code program} is absent for none */
    public Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("site", site.value());
        dimensions.put("regierungsbezirk", regierungsbezirk().code());
        dimensions.put("field", field().name());
        dimensions.put("focusArea", focusArea.name());
        dimensions.put("activityType", activityType.name());
        if (program != null) {
            dimensions.put("program", program.name());
        }
        return dimensions;
    }

    @Override
    public String toString() {
        return value();
    }
}
