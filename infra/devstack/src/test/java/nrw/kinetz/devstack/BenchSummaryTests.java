package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchSummaryTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyRequiredFigureIsInTheJsonAndNullWhereItsStepDidNotRun() {
        BenchSummary summary = new BenchSummary().put("intakeRatio", 0.47123).put("e2eP99Ms1000", Double.NaN);

        JsonNode figures = json.readTree(summary.json());

        assertThat(figures.propertyNames()).containsAll(BenchSummary.REQUIRED);
        assertThat(figures.get("intakeRatio").doubleValue()).isEqualTo(0.471);
        assertThat(figures.get("e2eP99Ms1000").isNull()).as("a figure that could not be computed").isTrue();
        assertThat(figures.get("growthSites10x").isNull()).isTrue();
    }

    @Test
    void nestedFiguresAreRoundedAndKeptInOrder() {
        BenchSummary summary = new BenchSummary().put("storeWrites", Map.of("reporting.feed", Map.of("documents", 1.23456)));

        assertThat(json.readTree(summary.json()).get("storeWrites").get("reporting.feed").get("documents").doubleValue())
                .isEqualTo(1.235);
        assertThat(List.copyOf(json.readTree(summary.json()).propertyNames()).subList(0, 2))
                .containsExactly("intakeRatio", "replayRatio");
    }

    @Test
    void theGeneratedSectionGoesBeforeTheFirstHeadingTheFirstTimeAndReplacesItselfAfterwards() {
        String document = "# Benchmarks\n\nIntro.\n\n## Activity intake\n\nOld text.\n";

        String once = BenchSummary.replaceSection(document, "## The latest run\n\nfirst");
        String twice = BenchSummary.replaceSection(once, "## The latest run\n\nsecond");

        assertThat(once).startsWith("# Benchmarks\n\nIntro.\n\n" + BenchSummary.BEGIN + "\n## The latest run\n\nfirst\n"
                + BenchSummary.END + "\n\n## Activity intake");
        assertThat(twice).contains("second").doesNotContain("first").endsWith("## Activity intake\n\nOld text.\n");
        assertThat(twice.indexOf(BenchSummary.BEGIN)).as("one section").isEqualTo(twice.lastIndexOf(BenchSummary.BEGIN));
    }

    @Test
    void theMedianIgnoresMissingFigures() {
        assertThat(BenchSummary.median(List.of(3.0, 1.0, Double.NaN, 2.0))).isEqualTo(2.0);
        assertThat(BenchSummary.median(List.of(4.0, 1.0))).isEqualTo(2.5);
        assertThat(BenchSummary.median(List.of(Double.NaN))).isNaN();
    }
}
