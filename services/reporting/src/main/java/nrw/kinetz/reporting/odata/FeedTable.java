package nrw.kinetz.reporting.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.aggregate.AggregateQuery;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;

/**
 * One entity set of the OData feed: a measure grouped by one of its dimensions, e.g. {@code ActivitiesBySite},
 * with a row per period and group. Its rows are the aggregates API's answers, taken through
 * {@link AggregateQuery#answer}, and nothing else: the feed computes no figure of its own, so it shows every
 * caller exactly what the aggregates API shows them for the same measure, grouping and period.
 */
public record FeedTable(Measure measure, Dimension dimension) {

    private static final Map<String, String> MEASURE_LABELS = Map.of(
            "activities", "Aktivitäten",
            "sites", "Standorte und Personal",
            "programs", "Förderprogramme",
            "catalog", "Veranstaltungskatalog");

    /** @return one table per measure and dimension, in the measures' order */
    public static List<FeedTable> of(List<Measure> measures) {
        List<FeedTable> tables = new ArrayList<>();
        for (Measure measure : measures) {
            measure.dimensions().forEach(dimension -> tables.add(new FeedTable(measure, dimension)));
        }
        return tables;
    }

    /** @return the entity set's name, e.g. {@code ActivitiesBySite}, {@code ProgramsByBudgetYear} */
    public String name() {
        return capitalized(measure.name()) + "By" + capitalized(dimension.parameter());
    }

    /** @return what the entity set holds, in German, e.g. "Aktivitäten nach Standort" */
    public String description() {
        return MEASURE_LABELS.getOrDefault(measure.name(), measure.name()) + " nach "
                + dimension.label();
    }

    /** @return the German name of the grouping, e.g. "Standort" */
    public String dimensionLabel() {
        return dimension.label();
    }

    /**
     * @param periods the periods to answer, each a separate aggregates question
     * @param shown   what the caller is shown for a question: {@link AggregateQuery#answer}, or a kept copy of the
     *                public answer ({@code PublicAnswers}), never anything computed around them
     * @return the rows of every period in the order given, each period's rows in the aggregates API's order
     */
    public List<FeedRow> rows(List<Optional<Period>> periods, Function<AggregateQuery, Aggregation> shown) {
        List<FeedRow> rows = new ArrayList<>();
        for (Optional<Period> period : periods) {
            for (AggregateRow row : shown.apply(new AggregateQuery(measure, dimension, period)).rows()) {
                rows.add(new FeedRow(FeedPeriods.text(period), FeedPeriods.type(period), row.key(), row.label(), row.values()));
            }
        }
        return rows;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
