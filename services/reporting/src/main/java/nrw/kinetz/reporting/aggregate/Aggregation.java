package nrw.kinetz.reporting.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Measure} computed for one grouping: the rows and the network-wide total. The total is the
 * measure's own figure, not necessarily the sum of the rows (a distinct count over rows need not add up).
 *
 * @param rows  in the order people expect to read them (code-list order, or by site id)
 * @param total one cell per metric for the whole network
 */
public record Aggregation(List<AggregateRow> rows, Map<String, CellValue> total) {

    public Aggregation {
        rows = List.copyOf(rows);
        total = Collections.unmodifiableMap(new LinkedHashMap<>(total));
    }
}
