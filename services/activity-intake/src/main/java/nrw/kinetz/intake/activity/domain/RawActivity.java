package nrw.kinetz.intake.activity.domain;

import java.util.List;
import java.util.Map;

/**
 * An activity report as received, before any rule was applied: every value as text, keyed by its flat field
 * name ({@link nrw.kinetz.model.activity.ActivityCsv#COLUMNS}), whatever the body format was.
 *
 * @param values  field name → text; absent or blank means "not given"
 * @param earlier problems the body format already found (a number given as a string in JSON, an unknown
 *                property); fields named there are not checked again
 */
public record RawActivity(Map<String, String> values, List<Violation> earlier) {

    public RawActivity {
        values = Map.copyOf(values);
        earlier = List.copyOf(earlier);
    }

    public static RawActivity of(Map<String, String> values) {
        return new RawActivity(values, List.of());
    }

    /** @return the value without surrounding blanks, or {@code null} if absent or blank */
    public String get(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
