package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchTailTests {

    /** 2026-12-05T02:23:33.000Z and a second later, in milliseconds. */
    private static final double T0 = 1_796_437_413_000d;

    @Test
    void readsEverySafepointOfJava17AndOfJava25AndSkipsOtherLines() {
        List<BenchTail.Pause> pauses = BenchTail.pauses("reporting", List.of(
                "[2026-12-05T02:23:33.922+0000] Safepoint \"GenCollectForAllocation\", Time since last: 709681 ns, "
                        + "Reaching safepoint: 1412 ns, Cleanup: 2795 ns, At safepoint: 1578068 ns, Total: 1582275 ns",
                "some other line",
                "[2026-12-05T02:23:35.941+0000] Safepoint \"ZMarkEndOld\", Time since last: 6217481 ns, Reaching safepoint: "
                        + "751 ns, At safepoint: 7421 ns, Leaving safepoint: 712 ns, Total: 8884 ns, Threads: 0 runnable, 10 total"));

        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0).operation()).isEqualTo("GenCollectForAllocation");
        assertThat(pauses.get(0).endMs()).isEqualTo(T0 + 922);
        assertThat(pauses.get(0).ms()).isCloseTo(1.582, within(0.001));
        assertThat(pauses.get(1).process()).isEqualTo("reporting");
    }

    @Test
    void splitsTheSlowActivitiesTimeAtTheFeedEntryAndCountsOverlappingPausesOnce() {
        List<BenchTail.Sample> tail = BenchTail.samples(List.of("accepted\tfeed\tarrived",
                (T0 + 100) + "\t" + (long) (T0 + 160) + "\t" + (T0 + 200),
                (T0 + 1000) + "\t" + (long) (T0 + 1050) + "\t" + (T0 + 1100)));
        List<BenchTail.Pause> pauses = List.of(
                new BenchTail.Pause("reporting", "GenCollectForAllocation", T0 + 150, 40), // 110..150 inside the first
                new BenchTail.Pause("devstack", "G1CollectForAllocation", T0 + 140, 20),   // 120..140, inside the one above
                new BenchTail.Pause("activity-intake", "GenCollectFull", T0 + 5000, 10));  // after both, outside the phase

        BenchTail.Analysis analysis = BenchTail.analyse(tail, pauses, T0, T0 + 2000);

        assertThat(analysis.samples()).isEqualTo(2);
        assertThat(analysis.latencyMs()).isEqualTo(100);
        assertThat(analysis.beforeFeedMs()).isEqualTo(55);
        assertThat(analysis.afterFeedMs()).isEqualTo(45);
        assertThat(analysis.pausedShare()).as("40 of 100 ms, then 0 of 100").isCloseTo(0.2, within(1e-9));
        assertThat(analysis.processes().get("reporting")).containsExactly(1, 40, 40, 1);
        assertThat(analysis.processes().get("devstack")).containsExactly(1, 20, 20, 1);
        assertThat(analysis.processes().get("activity-intake")).containsExactly(0, 0, 0, 0);
    }
}
