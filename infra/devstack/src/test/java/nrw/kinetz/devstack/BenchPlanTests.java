package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.devstack.BenchPlan.Collector;
import nrw.kinetz.devstack.BenchPlan.Step;
import picocli.CommandLine;

class BenchPlanTests {

    @Test
    void aFullRunMeasuresEveryStepAndComparesTheServicesCollectorOnJava17WithZgcRoundByRound() {
        BenchPlan plan = BenchPlan.of(false, null, null, 0, Devstack.Store.MEMORY, true, 17);

        assertThat(plan.steps()).containsExactlyInAnyOrder(Step.values());
        assertThat(plan.rounds()).isEqualTo(3);
        assertThat(plan.latencyRuns()).containsExactly(Collector.SERIAL, Collector.ZGC, Collector.SERIAL, Collector.ZGC,
                Collector.SERIAL, Collector.ZGC);
        assertThat(plan.sseClients()).isEqualTo(1_000);
    }

    @Test
    void quickIsSmallerInEveryStepAndRunsTheDevstackOnce() {
        BenchPlan quick = BenchPlan.of(true, null, null, 0, Devstack.Store.MEMORY, true, 17);
        BenchPlan full = BenchPlan.of(false, null, null, 0, Devstack.Store.MEMORY, true, 17);

        assertThat(quick.intakeItems()).isLessThan(full.intakeItems());
        assertThat(quick.replayEvents()).isLessThan(full.replayEvents());
        assertThat(quick.latencySeconds()).isLessThan(full.latencySeconds());
        assertThat(quick.latencyRuns()).containsExactly(Collector.SERIAL);
        assertThat(quick.sseClients()).as("the fan-out is measured at full size either way").isEqualTo(1_000);
    }

    @Test
    void fromJava21OnTheServicesRunOnZgcAsUpStartsThemAndAFullRunComparesItWithTheSerialCollector() {
        assertThat(BenchPlan.of(true, null, null, 0, Devstack.Store.MEMORY, true, 25).latencyRuns()).containsExactly(Collector.ZGC);
        assertThat(BenchPlan.of(false, null, null, 1, Devstack.Store.MEMORY, true, 21).latencyRuns())
                .containsExactly(Collector.ZGC, Collector.SERIAL);
        assertThat(ChildProcess.javaOptions(25)).isEqualTo(Collector.ZGC.options(25)).contains("-XX:+UseZGC");
        assertThat(ChildProcess.javaOptions(17)).isEqualTo(Collector.SERIAL.options(17)).contains("-XX:+UseSerialGC");
    }

    @Test
    void onlyAndCollectorsTakeCommaSeparatedNamesInAnyCase() {
        BenchPlan plan = BenchPlan.of(true, "Latency, replay", "zgc,G1", 2, Devstack.Store.H2, false);

        assertThat(plan.steps()).containsExactlyInAnyOrder(Step.LATENCY, Step.REPLAY);
        assertThat(plan.collectors()).containsExactly(Collector.ZGC, Collector.G1);
        assertThat(plan.rounds()).isEqualTo(2);
        assertThat(plan.writeDocs()).isFalse();
    }

    @Test
    void theH2StoresSustainableRateIsAStepOfEveryRunAndNamedH2LatencyOnTheCommandLine() {
        assertThat(BenchPlan.of(true, null, null, 0, Devstack.Store.MEMORY, true, 25).steps()).contains(Step.H2_LATENCY);
        assertThat(BenchPlan.of(false, "H2-Latency", null, 0, Devstack.Store.MEMORY, false, 25).steps()).containsExactly(Step.H2_LATENCY);
        assertThatThrownBy(() -> BenchPlan.of(true, "h2_latency", null, 0, Devstack.Store.MEMORY, true))
                .hasMessageContaining("unknown 'h2_latency'");
    }

    @Test
    void anUnknownStepOrCollectorOrRoundsOutOfRangeIsRefusedNamingWhatIsKnown() {
        assertThatThrownBy(() -> BenchPlan.of(true, "intake,speed", null, 0, Devstack.Store.MEMORY, true))
                .hasMessage("--only: unknown 'speed', expected one of [intake, replay, programs, catalog, latency, writes, h2-latency]");
        assertThatThrownBy(() -> BenchPlan.of(true, null, "shenandoah", 0, Devstack.Store.MEMORY, true))
                .hasMessage("--collectors: unknown 'shenandoah', expected one of [serial, g1, zgc]");
        assertThatThrownBy(() -> BenchPlan.of(true, null, null, -1, Devstack.Store.MEMORY, true)).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> BenchPlan.of(true, null, null, 21, Devstack.Store.MEMORY, true)).hasMessageContaining("--rounds");
    }

    @Test
    void zgcIsAskedForItsGenerationalModeOnlyWhereThatIsAChoice() {
        assertThat(Collector.ZGC.options(21)).contains("-XX:+ZGenerational");
        assertThat(Collector.ZGC.options(25)).containsExactly("-Xmx512m", "-XX:+UseZGC");
    }

    @Test
    void beforeJava23NoJvmStopsItsThreadsEverySecondWithoutACollection() {
        assertThat(Collector.SERIAL.options(17)).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0");
        assertThat(Collector.ZGC.options(21)).contains("-XX:GuaranteedSafepointInterval=0");
        assertThat(Collector.G1.options(25)).doesNotContain("-XX:GuaranteedSafepointInterval=0");
    }

    @Test
    void theCommandLineReachesTheCommandsOptions() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--quick", "--only", "latency", "--collectors", "serial,zgc", "--store", "H2",
                "--port-offset", "4000", "--h2-rates", "200,400", "--no-docs");

        assertThat(command.quick).isTrue();
        assertThat(command.only).isEqualTo("latency");
        assertThat(command.collectors).isEqualTo("serial,zgc");
        assertThat(command.store).isEqualTo(Devstack.Store.H2);
        assertThat(command.portOffset).isEqualTo(4000);
        assertThat(command.noDocs).isTrue();
        assertThat(command.h2Rates).isEqualTo("200,400");
        assertThat(List.of(new BenchCommand()).get(0).rounds).isZero();
        BenchCommand defaults = new BenchCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.h2Rates).isEqualTo("100,200,300,400,600,800");
    }

    @Test
    void aBadValueEndsTheCommandWithExitCodeTwoBeforeAnythingRuns() {
        assertThat(new CommandLine(new Kinetz()).execute("bench", "--only", "nothing")).isEqualTo(2);
        assertThat(new CommandLine(new Kinetz()).execute("bench", "--only", "h2-latency", "--h2-rates", "100,fast")).isEqualTo(2);
    }
}
