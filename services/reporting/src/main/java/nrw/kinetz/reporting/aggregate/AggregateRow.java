package nrw.kinetz.reporting.aggregate;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of an aggregate.
 *
 * @param key    the stable code of the group: a site id, a Regierungsbezirk digit, a code-list value
 * @param label  what people read, in German, e.g. "Kreis Soest", "Düsseldorf", "etabliert"
 * @param values one cell per metric of the measure, in the measure's metric order
 * @param parts  for a crossed grouping, each dimension's group in the order asked; empty (and left out of JSON)
 *               for a grouping by one dimension
 */
public record AggregateRow(String key, String label, Map<String, CellValue> values,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Part> parts) {

    /** What joins the keys and the labels of a crossed row's parts; no key contains it. */
    public static final String KEY_SEPARATOR = "/";
    public static final String LABEL_SEPARATOR = " / ";

    public AggregateRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        // Keeps the metric order of the measure in JSON and CSV, which Map.copyOf would not.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A row of a grouping by one dimension: its key and label are the group's own. */
    public AggregateRow(String key, String label, Map<String, CellValue> values) {
        this(key, label, values, List.of());
    }

    /**
     * A row of a crossed grouping ({@code groupBy=month,site,focusArea}): its key and label join its parts', so a
     * reader of one column still finds every row distinct.
     */
    public static AggregateRow crossed(List<Part> parts, Map<String, CellValue> values) {
        return new AggregateRow(String.join(KEY_SEPARATOR, parts.stream().map(Part::key).toList()),
                String.join(LABEL_SEPARATOR, parts.stream().map(Part::label).toList()), values, parts);
    }

    /**
     * @param orders each dimension's reading order of its group keys
     * @return the reading order of crossed rows by their keys, one per dimension: by the first, then the next
     */
    public static Comparator<List<String>> byKeys(List<Comparator<String>> orders) {
        return (a, b) -> {
            for (int i = 0; i < orders.size(); i++) {
                int compared = orders.get(i).compare(a.get(i), b.get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
    }

    /** @return this row with other values (the same group, as another caller is shown it) */
    public AggregateRow withValues(Map<String, CellValue> shown) {
        return new AggregateRow(key, label, shown, parts);
    }

    /**
     * One dimension's group of a crossed row.
     *
     * @param groupBy the dimension's {@code groupBy} spelling, e.g. {@code focusArea}
     * @param key     the group's code, as a row of that single grouping has it
     * @param label   the group's German label
     */
    public record Part(String groupBy, String key, String label) {

        public Part {
            Objects.requireNonNull(groupBy, "groupBy");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }
}
