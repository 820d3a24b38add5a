package nrw.kinetz.reporting.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an aggregate.
 *
 * @param key    the stable code of the group: a site id, a Regierungsbezirk digit, a code-list value
 * @param label  what people read, in German, e.g. "Kreis Soest", "Düsseldorf", "etabliert"
 * @param values one cell per metric of the measure, in the measure's metric order
 */
public record AggregateRow(String key, String label, Map<String, CellValue> values) {

    public AggregateRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        // Keeps the metric order of the measure in JSON and CSV, which Map.copyOf would not.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
