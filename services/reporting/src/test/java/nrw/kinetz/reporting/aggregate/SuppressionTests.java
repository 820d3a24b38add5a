package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;

class SuppressionTests {

    private static final Metric ACTIVITIES = Metric.count("activities");
    private static final Metric PARTICIPANTS = Metric.people("participants");
    private static final Metric PLACES = Metric.peopleNotPublished("places", "Plätze");
    private static final List<Metric> METRICS = List.of(ACTIVITIES, PARTICIPANTS, PLACES);

    @Test
    void aFinestCellIsShownAsTheBottomOfItsBandOfFive() {
        assertThat(shownAlone(0)).isEqualTo(CellValue.of(0));
        for (long small = 1; small <= 4; small++) {
            assertThat(shownAlone(small)).as("%d", small).isEqualTo(CellValue.SUPPRESSED);
        }
        for (long value = 5; value <= 9; value++) {
            assertThat(shownAlone(value)).as("%d", value).isEqualTo(CellValue.of(5));
        }
        assertThat(shownAlone(10)).isEqualTo(CellValue.of(10));
        assertThat(shownAlone(14)).isEqualTo(CellValue.of(10));
        assertThat(shownAlone(1234)).isEqualTo(CellValue.of(1230));
    }

    @Test
    void aFinestCellSharesTheMiddleOfItsBand() {
        assertThat(List.of(0L, 1L, 4L, 5L, 9L, 10L, 17L)).extracting(v -> Suppression.PUBLIC.share(PARTICIPANTS, v))
                .containsExactly(0L, 2L, 2L, 7L, 7L, 12L, 17L);
    }

    @Test
    void tablesAreSumsOfSharesRoundedToFiveAndWithheldBelowFive() {
        // Shares: two cells of 1 to 4 give 4 (withheld), three give 6 (shown as 5), 7 + 2 give 9 (shown as 10).
        Aggregation shown = Suppression.PUBLIC.show(aggregation(4, 6, 9, 0), METRICS);

        assertThat(shown.rows()).extracting(row -> row.values().get("participants"))
                .containsExactly(CellValue.SUPPRESSED, CellValue.of(5), CellValue.of(10), CellValue.of(0));
        assertThat(shown.total().get("participants")).isEqualTo(CellValue.of(20));
    }

    @Test
    void aMetricNotPublishedIsZeroOrWithheld() {
        assertThat(Suppression.PUBLIC.showOne(Map.of("places", CellValue.of(120)), METRICS))
                .containsEntry("places", CellValue.SUPPRESSED);
        assertThat(Suppression.PUBLIC.showOne(Map.of("places", CellValue.of(0)), METRICS))
                .containsEntry("places", CellValue.of(0));
    }

    @Test
    void countsOfThingsAndAmountsPassUnchanged() {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("activities", CellValue.of(3));
        values.put("fte", CellValue.of(new java.math.BigDecimal("1.50")));

        assertThat(Suppression.PUBLIC.showOne(values, METRICS)).isEqualTo(values);
        assertThat(Suppression.PUBLIC.share(ACTIVITIES, 3)).isEqualTo(3);
    }

    @Test
    void theLakiSeesExactNumbers() {
        Aggregation exact = aggregation(2, 1, 4, 5);

        assertThat(Suppression.EXACT.show(exact, METRICS)).isSameAs(exact);
        assertThat(Suppression.EXACT.share(PARTICIPANTS, 3)).isEqualTo(3);
        assertThat(Suppression.forCaller(true)).isSameAs(Suppression.EXACT);
        assertThat(Suppression.forCaller(false)).isSameAs(Suppression.PUBLIC);
    }

    @Test
    void showingKeepsTheMetricOrderOfTheMeasure() {
        Aggregation shown = Suppression.PUBLIC.show(aggregation(2, 1, 4, 5), METRICS);

        assertThat(shown.rows().get(0).values().keySet()).containsExactly("activities", "participants");
    }

    @Test
    void aMeasureThatCountsPeopleMustAddUpSharesForThePublic() {
        Measure exactOnly = new Measure() {
            public String name() {
                return "exactOnly";
            }

            public List<Metric> metrics() {
                return METRICS;
            }

            public List<Dimension> dimensions() {
                return List.of(Dimension.SITE);
            }

            public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
                return aggregation(3);
            }
        };

        assertThat(Suppression.view(exactOnly, Dimension.SITE, Optional.empty(), true)).isEqualTo(aggregation(3));
        assertThatThrownBy(() -> Suppression.view(exactOnly, Dimension.SITE, Optional.empty(), false))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void noTwoReadsOfOneCellBeforeAndAfterAnActivityPinAOneToFourCount() {
        // Whatever the cell held before, an activity of 1 to 4 people leaves at least two candidates for its size.
        for (long before = 0; before <= 200; before++) {
            for (long added = 1; added <= 4; added++) {
                CellValue from = shownAlone(before);
                CellValue to = shownAlone(before + added);
                List<Long> candidates = new ArrayList<>();
                for (long b = 0; b <= 210; b++) {
                    for (long a = 0; a <= 10; a++) {
                        if (shownAlone(b).equals(from) && shownAlone(b + a).equals(to) && !candidates.contains(a)) {
                            candidates.add(a);
                        }
                    }
                }
                assertThat(candidates).as("%d + %d", before, added).hasSizeGreaterThan(1);
            }
        }
    }

    private static CellValue shownAlone(long exact) {
        return Suppression.PUBLIC.showOne(Map.of("participants", CellValue.of(exact)), METRICS).get("participants");
    }

    private static Aggregation aggregation(long... participantSums) {
        List<AggregateRow> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < participantSums.length; i++) {
            rows.add(new AggregateRow("r" + i, "Row " + i, values(participantSums[i])));
            total += participantSums[i];
        }
        return new Aggregation(rows, values(total));
    }

    private static Map<String, CellValue> values(long participants) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("activities", CellValue.of(1));
        values.put("participants", CellValue.of(participants));
        return values;
    }
}
