package nrw.kinetz.reporting.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.aggregate.AggregateQuery;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;

class FeedTableTests {

    /** Two sites, one with 3 participants (1 to 4) and one with 12, for every period alike. */
    private static final Measure PEOPLE = new Measure() {
        @Override
        public String name() {
            return "activities";
        }

        @Override
        public List<Metric> metrics() {
            return List.of(Metric.people("participants"));
        }

        @Override
        public List<Dimension> dimensions() {
            return List.of(Dimension.SITE, Dimension.FOCUS_AREA);
        }

        /** Each row is one finest cell here, so the public sums are the rows' shares. */
        @Override
        public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Suppression suppression) {
            Metric participants = metrics().get(0);
            return new Aggregation(List.of(row("05974", suppression.share(participants, 3)),
                    row("05111", suppression.share(participants, 12))),
                    cells(suppression.share(participants, 3) + suppression.share(participants, 12)));
        }
    };

    @Test
    void namesOneEntitySetPerMeasureAndGroupingWithAGermanDescription() {
        List<FeedTable> tables = FeedTable.of(List.of(PEOPLE));

        assertThat(tables).extracting(FeedTable::name).containsExactly("ActivitiesBySite", "ActivitiesByFocusArea");
        assertThat(tables.get(1).description()).isEqualTo("Aktivitäten nach Schwerpunkt");
    }

    @Test
    void rowsAreTheAnswersOfEachPeriodAsTheCallerIsShownThem() {
        FeedTable table = new FeedTable(PEOPLE, Dimension.SITE);
        List<Optional<Period>> periods = List.of(Optional.empty(), Optional.of(Period.parse("2026-Q3")));

        List<FeedRow> shown = table.rows(periods, query -> query.answer(false));
        List<FeedRow> exact = table.rows(periods, query -> query.answer(true));

        assertThat(shown).extracting(FeedRow::period).containsExactly("gesamt", "gesamt", "2026-Q3", "2026-Q3");
        assertThat(shown.get(0).values().get("participants")).isEqualTo(CellValue.SUPPRESSED);
        for (int i = 0; i < shown.size(); i++) {
            AggregateRow answered = new AggregateQuery(PEOPLE, Dimension.SITE, periods.get(i / 2)).answer(false).rows().get(i % 2);
            assertThat(shown.get(i).key()).isEqualTo(answered.key());
            assertThat(shown.get(i).values()).as("what the aggregates API shows").isEqualTo(answered.values());
        }
        assertThat(exact.get(0).values().get("participants")).isEqualTo(CellValue.of(3));
    }

    private static AggregateRow row(String site, long participants) {
        return new AggregateRow(site, site, cells(participants));
    }

    private static Map<String, CellValue> cells(long participants) {
        Map<String, CellValue> cells = new LinkedHashMap<>();
        cells.put("participants", CellValue.of(participants));
        return cells;
    }
}
