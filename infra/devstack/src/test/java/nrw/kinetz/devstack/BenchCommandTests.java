package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchCommandTests {

    @Test
    void theReplaysGetTheTestKitsBrokerAndStoreInAProcessOfTheirOwnWithItsHeapCommittedUpFrontOnTheCommandsJava() {
        BenchPlan plan = BenchPlan.of(false, "replay", null, 0, Devstack.Store.MEMORY, false, 17);

        assertThat(BenchCommand.replayInfrastructure(plan)).containsExactly("-Dkinetz.test.store=memory",
                "-Dkinetz.test.infrastructure=process", "-Dkinetz.test.process.options=-Xms6g -Xmx6g -XX:+AlwaysPreTouch",
                "-Djvm=" + Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Test
    void withTheH2StoreTheReplaysInfrastructureProcessKeepsTheStoreInAnH2File() {
        BenchPlan plan = BenchPlan.of(false, "replay,programs,catalog", null, 0, Devstack.Store.H2, false, 17);

        assertThat(BenchCommand.replayInfrastructure(plan)).contains("-Dkinetz.test.store=h2", "-Dkinetz.test.infrastructure=process");
    }

    @Test
    void theListenersReplaysMeasureThreeTimesTheRoundsOfTheOtherSteps() {
        assertThat(BenchCommand.listenerReplayRounds(BenchPlan.of(false, "programs,catalog", null, 0, Devstack.Store.MEMORY, false, 17)))
                .isEqualTo(9);
        assertThat(BenchCommand.listenerReplayRounds(BenchPlan.of(false, "programs", null, 1, Devstack.Store.MEMORY, false, 17)))
                .isEqualTo(3);
    }
}
