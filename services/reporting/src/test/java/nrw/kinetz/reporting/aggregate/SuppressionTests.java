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
