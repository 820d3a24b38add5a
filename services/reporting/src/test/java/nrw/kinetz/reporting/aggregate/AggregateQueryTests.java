package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;

class AggregateQueryTests {

    private final Measure sites = new FixedMeasure("sites", List.of(Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.STATUS));
    private final Measures measures = new Measures(List.of(sites, new FixedMeasure("catalog", List.of(Dimension.SITE))));

    @Test
    void wellFormedQueryNamesTheMeasureGroupingAndPeriod() {
        AggregateQuery query = AggregateQuery.parse(measures, "sites", "regierungsbezirk", "2026-Q3");

        assertThat(query.measure()).isSameAs(sites);
        assertThat(query.groupBy()).isEqualTo(Dimension.REGIERUNGSBEZIRK);
        assertThat(query.period()).contains(Period.parse("2026-Q3"));
    }

    @Test
    void groupingIsMatchedIgnoringCaseAndABlankPeriodMeansNone() {
        AggregateQuery query = AggregateQuery.parse(measures, "sites", "Regierungsbezirk", " ");

        assertThat(query.groupBy()).isEqualTo(Dimension.REGIERUNGSBEZIRK);
        assertThat(query.period()).isEmpty();
    }

    @Test
    void unknownMeasureNamesTheMeasuresThatExist() {
        assertThat(problems("activitys", "site", null))
                .containsExactly(new InvalidAggregateQueryException.Problem("measure", "'activitys' is not a measure; allowed: sites, catalog"));
    }

    @Test
    void groupingTheMeasureDoesNotSupportNamesItsGroupings() {
        assertThat(problems("sites", "focusArea", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "measure sites cannot be grouped by focusArea; allowed for measure sites: site, regierungsbezirk, status"));
    }

    @Test
    void unknownGroupingOfAnUnknownMeasureNamesEveryGrouping() {
        assertThat(problems("nothing", "district", null)).extracting(InvalidAggregateQueryException.Problem::detail)
                .contains("'district' is not a grouping; allowed: site, regierungsbezirk, field, focusArea, activityType, program, "
                        + "status, offeringType, month, block, budgetYear");
    }

    @Test
    void malformedPeriodNamesTheAcceptedForms() {
        assertThat(problems("sites", "status", "2026-Q5")).singleElement().satisfies(problem -> {
            assertThat(problem.parameter()).isEqualTo("period");
            assertThat(problem.detail()).contains("'2026-Q5'", "Q1 to Q4");
        });
    }

    @Test
    void everyMissingOrBadParameterIsNamedAtOnce() {
        assertThat(problems(null, null, "Q3/2026")).extracting(InvalidAggregateQueryException.Problem::parameter)
                .containsExactly("measure", "groupBy", "period");
        assertThat(problems(null, null, null)).extracting(InvalidAggregateQueryException.Problem::detail)
                .containsExactly("measure is required; allowed: sites, catalog",
                        "groupBy is required; allowed: site, regierungsbezirk, field, focusArea, activityType, program, status, "
                                + "offeringType, month, block, budgetYear");
    }

    @Test
    void twoMeasuresWithOneNameAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Measures(List.of(sites, new FixedMeasure("sites", List.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two measures are named sites");
    }

    private List<InvalidAggregateQueryException.Problem> problems(String measure, String groupBy, String period) {
        return catchThrowableOfType(InvalidAggregateQueryException.class,
                () -> AggregateQuery.parse(measures, measure, groupBy, period)).problems();
    }

    /** A measure that answers nothing; only its name and groupings matter here. */
    private record FixedMeasure(String name, List<Dimension> dimensions) implements Measure {

        @Override
        public List<Metric> metrics() {
            return List.of(Metric.count(name));
        }

        @Override
        public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
            return new Aggregation(List.of(), Map.of());
        }
    }
}
