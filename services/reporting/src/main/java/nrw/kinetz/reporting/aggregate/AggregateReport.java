package nrw.kinetz.reporting.aggregate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import nrw.kinetz.model.Period;

/**
 * The answer of {@code GET /api/v1/aggregates} (docs/architecture.md#reading-api), e.g.
 * {@code {"measure":"sites","period":null,"groupBy":"regierungsbezirk","rows":[{"key":"1","label":"Düsseldorf",
 * "values":{"sites":15}}, …],"total":{"sites":54}}}.
 *
 * @param measure the measure asked for
 * @param period  the period asked for in its canonical spelling, {@code null} if none was given
 * @param groupBy the grouping asked for in its canonical spelling
 * @param rows    one row per group, including groups with zero
 * @param total   the whole network
 */
public record AggregateReport(String measure, @JsonInclude(JsonInclude.Include.ALWAYS) String period, String groupBy,
        List<AggregateRow> rows, Map<String, CellValue> total) {

    /** The answer to {@code query} of what its caller is shown ({@link AggregateQuery#answer}). */
    public static AggregateReport of(AggregateQuery query, Aggregation shown) {
        return new AggregateReport(query.measure().name(), query.period().map(Period::value).orElse(null),
                query.groupByParameter(), shown.rows(), shown.total());
    }

    /** @return the rows and total without the question */
    public Aggregation aggregation() {
        return new Aggregation(rows, total);
    }
}
