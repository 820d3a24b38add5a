package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchLadderTests {

    private static final List<Integer> LADDER = List.of(100, 200, 300, 400);

    /** The latency benchmark's result for one phase at {@code rate} over 10 s, every activity accepted and delivered. */
    private static Map<String, String> phase(Map<String, String> result, int rate, String p99Ms) {
        String prefix = "phase." + rate + ".";
        result.put(prefix + "accepted", String.valueOf(rate * 10));
        result.put(prefix + "notDelivered", "0");
        result.put(prefix + "p50Ms", "15.0");
        result.put(prefix + "p99Ms", p99Ms);
        result.put(prefix + "p999Ms", "150.0");
        result.put(prefix + "toFeedP99Ms", "40.0");
        result.put(prefix + "loadavg", "1.25");
        result.put(prefix + "cpuPressureAvg10", "12.50");
        result.put("kafka.p99Ms." + rate, "20.0");
        result.put("kafka.p999Ms." + rate, String.valueOf(rate + 0.5));
        return result;
    }

    private static Map<String, String> ladder(String... p99s) {
        Map<String, String> result = new HashMap<>();
        for (int i = 0; i < p99s.length; i++) {
            phase(result, LADDER.get(i), p99s[i]);
        }
        return result;
    }

    @Test
    void theSustainableRateIsTheHighestRateOfTheLadderWithP99WithinTheLimitAtItAndEveryLowerRate() {
        BenchLadder ladder = BenchLadder.of(ladder("36.0", "63.0", "100.0", "139.0"), LADDER, 10, 20);

        assertThat(ladder.sustainableRate()).as("100 ms is within the limit").isEqualTo(300);
        assertThat(ladder.rungs()).extracting(BenchLadder.Rung::carried).containsExactly(true, true, true, false);
        assertThat(BenchLadder.of(ladder("36.0", "63.0", "139.0", "74.0"), LADDER, 10, 20).sustainableRate())
                .as("400/s carried above 300/s not carried: sustained is what every lower rate carried too").isEqualTo(200);
        assertThat(BenchLadder.of(ladder("136.0", "63.0", "39.0", "74.0"), LADDER, 10, 20).sustainableRate())
                .as("the lowest rate not carried").isNull();
    }

    @Test
    void aRateWhoseActivitiesWereNotAllSentAcceptedOrDeliveredIsNotCarriedWhateverItsP99() {
        Map<String, String> result = ladder("30.0", "40.0", "50.0", "60.0");
        result.put("phase.400.notDelivered", "3");
        result.put("phase.300.accepted", "2980");
        result.remove("phase.200.p99Ms");

        BenchLadder ladder = BenchLadder.of(result, LADDER, 10, 20);

        assertThat(ladder.rungs()).extracting(BenchLadder.Rung::carried).containsExactly(true, false, false, false);
        assertThat(ladder.sustainableRate()).isEqualTo(100);
    }

    @Test
    void aLadderCarriedToItsTopSaysThatTheStoreMayCarryMore() {
        BenchLadder ladder = BenchLadder.of(ladder("67.9", "78.6", "17.6", "74.2"), LADDER, 10, 20);

        assertThat(ladder.sustainableRate()).isEqualTo(400);
        assertThat(BenchLadder.goalRow(ladder)).contains("| **400/s** (of 100, 200, 300, 400/s; the ladder's top, it may carry more) |");
    }

    @Test
    void aLadderThatCarriedNoRateHasNoSustainableRateAndTheGoalRowSaysSo() {
        BenchLadder ladder = BenchLadder.of(ladder("308.0", "400.0", "900.0", "2000.0"), LADDER, 10, 20);

        assertThat(ladder.sustainableRate()).isNull();
        assertThat(BenchLadder.goalRow(ladder)).isEqualTo("| H2 store: highest rate with p99 ≤ 100 ms | **none** of 100, 200, 300, 400/s "
                + "| ≥ 200/s (twice the 100/s when the goal was set) |\n");
        assertThat(BenchLadder.goalRow(null)).contains("| not measured |");
    }

    @Test
    void theSummaryHoldsTheSustainableRateAndPerRateTheP99AndKafkasP999OfTheSamePhase() {
        BenchLadder ladder = BenchLadder.of(ladder("36.04", "63.0", "139.0", "339.0"), LADDER, 10, 20);
        BenchSummary summary = new BenchSummary().put("h2SustainableRate", ladder.sustainableRate())
                .put("h2P99MsByRate", ladder.byRate(BenchLadder.Rung::p99Ms))
                .put("h2KafkaE2eP999MsByRate", ladder.byRate(BenchLadder.Rung::kafkaP999Ms));

        JsonNode figures = JsonMapper.builder().build().readTree(summary.json());

        assertThat(figures.get("h2SustainableRate").intValue()).isEqualTo(200);
        assertThat(figures.get("h2P99MsByRate").propertyNames()).containsExactly("100", "200", "300", "400");
        assertThat(figures.get("h2P99MsByRate").get("100").doubleValue()).isEqualTo(36.04);
        assertThat(figures.get("h2KafkaE2eP999MsByRate").get("300").doubleValue()).isEqualTo(300.5);
        assertThat(BenchLadder.goalRow(ladder)).contains("| **200/s** (of 100, 200, 300, 400/s) |");
    }

    @Test
    void aMissingRateInTheResultIsNotCarriedAndShowsAsADashInTheTable() {
        BenchLadder ladder = BenchLadder.of(ladder("36.0", "63.0"), LADDER, 10, 20);

        assertThat(ladder.sustainableRate()).isEqualTo(200);
        JsonNode p99s = JsonMapper.builder().build().readTree(new BenchSummary().put("h2P99MsByRate",
                ladder.byRate(BenchLadder.Rung::p99Ms)).json()).get("h2P99MsByRate");
        assertThat(p99s.get("300").isNull()).isTrue();
        assertThat(p99s.get("400").isNull()).isTrue();
        assertThat(ladder.table()).contains("| 100 | 1000 / 1000 / 0 | 15.0 / **36.0** / 150.0 | 40.0 | 20.0 / 100.5 | yes | 1.25 | 12.50 |")
                .contains("| 400 | 4000 / 0 / 0 | – / **–** / – | – | – / – | no | ? | ? |");
    }

    @Test
    void theLadderOnTheCommandLineIsDistinctRatesInEventsPerSecond() {
        assertThat(BenchLadder.rates("--h2-rates", "100, 200,400")).containsExactly(100, 200, 400);
        assertThat(BenchLadder.rates("--h2-rates", BenchLadder.DEFAULT_RATES)).containsExactly(100, 200, 300, 400, 600, 800);
        assertThatThrownBy(() -> BenchLadder.rates("--h2-rates", "100,fast")).hasMessage("--h2-rates: 'fast' is not a rate in events/s");
        assertThatThrownBy(() -> BenchLadder.rates("--h2-rates", "100,100")).hasMessageContaining("each once");
        assertThatThrownBy(() -> BenchLadder.rates("--h2-rates", "0")).hasMessageContaining("1 to 10000");
    }

    @Test
    void aPhaseSendsWholeRequestsSoItsExpectedActivitiesAreRoundedDownToThem() {
        Map<String, String> result = phase(new HashMap<>(), 150, "50.0");

        assertThat(BenchLadder.of(result, List.of(150), 7, 20).rungs().get(0).expected()).as("1,050 in requests of 20").isEqualTo(1040);
    }
}
