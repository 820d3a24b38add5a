package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuppressionTests {

    private static final List<Metric> METRICS = List.of(Metric.count("activities"), Metric.people("participants"));

    @Test
    void peopleCountsFromOneToFourAreWithheldFromEveryoneButTheLaki() {
        Aggregation shown = Suppression.apply(aggregation(2, 1, 4, 5), METRICS, false);

        assertThat(shown.rows()).extracting(row -> row.values().get("participants"))
                .containsExactly(CellValue.SUPPRESSED, CellValue.SUPPRESSED);
    }

    @Test
    void smallPeopleCountInTheTotalIsWithheldToo() {
        Aggregation shown = Suppression.apply(aggregation(2, 1, 2, 3), METRICS, false);

        assertThat(shown.total().get("participants")).isEqualTo(CellValue.SUPPRESSED);
        assertThat(shown.total().get("activities")).isEqualTo(CellValue.of(4));
    }

    @Test
    void zeroAndFiveOrMorePeopleAreShown() {
        Aggregation shown = Suppression.apply(aggregation(2, 0, 5, 5), METRICS, false);

        assertThat(shown.rows()).extracting(row -> row.values().get("participants"))
                .containsExactly(CellValue.of(0), CellValue.of(5));
    }

    @Test
    void countsOfThingsAreNeverWithheld() {
        Aggregation shown = Suppression.apply(aggregation(1, 10, 10, 20), METRICS, false);

        assertThat(shown.rows()).extracting(row -> row.values().get("activities")).containsExactly(CellValue.of(1), CellValue.of(1));
    }

    @Test
    void theLakiSeesExactNumbers() {
        Aggregation exact = aggregation(2, 1, 4, 5);

        assertThat(Suppression.apply(exact, METRICS, true)).isEqualTo(exact);
    }

    @Test
    void withholdingKeepsTheMetricOrderOfTheMeasure() {
        Aggregation shown = Suppression.apply(aggregation(2, 1, 4, 5), METRICS, false);

        assertThat(shown.rows().get(0).values().keySet()).containsExactly("activities", "participants");
    }

    @Test
    void theOnlyWithheldRowIsProtectedByWithholdingTheSmallestOtherNonZeroRow() {
        Aggregation shown = Suppression.apply(table(new long[] {3, 10, 6, 20, 0}, 39), METRICS, false);

        assertThat(participants(shown)).containsExactly(CellValue.SUPPRESSED, CellValue.of(10), CellValue.SUPPRESSED,
                CellValue.of(20), CellValue.of(0));
        assertThat(shown.total().get("participants")).isEqualTo(CellValue.of(39));
    }

    @Test
    void onATieTheFirstSmallestRowIsWithheld() {
        Aggregation shown = Suppression.apply(table(new long[] {9, 2, 9}, 20), METRICS, false);

        assertThat(participants(shown)).containsExactly(CellValue.SUPPRESSED, CellValue.SUPPRESSED, CellValue.of(9));
    }

    @Test
    void zerosAreNeverWithheldAsTheSecondCell() {
        Aggregation shown = Suppression.apply(table(new long[] {0, 4, 0, 7}, 11), METRICS, false);

        assertThat(participants(shown)).containsExactly(CellValue.of(0), CellValue.SUPPRESSED, CellValue.of(0), CellValue.SUPPRESSED);
    }

    @Test
    void twoWithheldRowsNeedNoSecondCell() {
        Aggregation shown = Suppression.apply(table(new long[] {1, 2, 30}, 33), METRICS, false);

        assertThat(participants(shown)).containsExactly(CellValue.SUPPRESSED, CellValue.SUPPRESSED, CellValue.of(30));
    }

    @Test
    void aWithheldTotalRevealsNothingAndNeedsNoSecondCell() {
        Aggregation shown = Suppression.apply(table(new long[] {3, 0}, 3), METRICS, false);

        assertThat(participants(shown)).containsExactly(CellValue.SUPPRESSED, CellValue.of(0));
        assertThat(shown.total().get("participants")).isEqualTo(CellValue.SUPPRESSED);
    }

    @Test
    void eachPeopleMetricIsProtectedOnItsOwn() {
        List<Metric> metrics = List.of(Metric.count("activities"), Metric.people("participants"), Metric.people("volunteers"));
        Map<String, CellValue> a = new LinkedHashMap<>(Map.of("activities", CellValue.of(1), "participants", CellValue.of(3),
                "volunteers", CellValue.of(0)));
        Map<String, CellValue> b = new LinkedHashMap<>(Map.of("activities", CellValue.of(1), "participants", CellValue.of(8),
                "volunteers", CellValue.of(7)));
        Map<String, CellValue> total = new LinkedHashMap<>(Map.of("activities", CellValue.of(2), "participants", CellValue.of(11),
                "volunteers", CellValue.of(7)));

        Aggregation shown = Suppression.apply(new Aggregation(List.of(new AggregateRow("A", "a", a), new AggregateRow("B", "b", b)), total),
                metrics, false);

        assertThat(shown.rows().get(1).values().get("participants")).isEqualTo(CellValue.SUPPRESSED);
        assertThat(shown.rows().get(1).values().get("volunteers")).isEqualTo(CellValue.of(7));
        assertThat(shown.rows().get(1).values().get("activities")).isEqualTo(CellValue.of(1));
    }

    @Test
    void aSingleAggregateGetsThePrimaryRuleOnly() {
        Map<String, CellValue> values = new LinkedHashMap<>(Map.of("activities", CellValue.of(2), "participants", CellValue.of(4)));

        assertThat(Suppression.applyToOne(values, METRICS, false).get("participants")).isEqualTo(CellValue.SUPPRESSED);
        assertThat(Suppression.applyToOne(values, METRICS, true)).isEqualTo(values);
    }

    /** One row per value of {@code participants}, one activity each. */
    private static Aggregation table(long[] participants, long total) {
        List<AggregateRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < participants.length; i++) {
            rows.add(new AggregateRow("R" + i, "row " + i, values(1, participants[i])));
        }
        return new Aggregation(rows, values(participants.length, total));
    }

    private static List<CellValue> participants(Aggregation aggregation) {
        return aggregation.rows().stream().map(row -> row.values().get("participants")).toList();
    }

    /** Two rows with {@code activities} each and the given participants, and a total with {@code totalParticipants}. */
    private static Aggregation aggregation(long activities, long participantsA, long participantsB, long totalParticipants) {
        return new Aggregation(
                List.of(new AggregateRow("A", "a", values(activities, participantsA)),
                        new AggregateRow("B", "b", values(activities, participantsB))),
                values(2 * activities, totalParticipants));
    }

    private static Map<String, CellValue> values(long activities, long participants) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put("activities", CellValue.of(activities));
        values.put("participants", CellValue.of(participants));
        return values;
    }
}
