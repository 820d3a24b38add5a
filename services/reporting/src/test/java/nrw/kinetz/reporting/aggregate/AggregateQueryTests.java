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
    private final Measures measures = new Measures(List.of(sites, new FixedMeasure("catalog", List.of(Dimension.SITE)),
            new CrossingMeasure()));

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
                .containsExactly(new InvalidAggregateQueryException.Problem("measure", "'activitys' is not a measure; allowed: sites, catalog, activities"));
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
                .containsExactly("measure is required; allowed: sites, catalog, activities",
                        "groupBy is required; allowed: site, regierungsbezirk, field, focusArea, activityType, program, status, "
                                + "offeringType, month, block, budgetYear");
    }

    @Test
    void aCrossedGroupingNamesUpToThreeDimensionsTheMeasureCrosses() {
        AggregateQuery query = AggregateQuery.parse(measures, "activities", "month, Site,focusArea", "2026");

        assertThat(query.grouping()).containsExactly(Dimension.MONTH, Dimension.SITE, Dimension.FOCUS_AREA);
        assertThat(query.groupByParameter()).isEqualTo("month,site,focusArea");
    }

    @Test
    void eachKindOfBadCrossingIsAProblemOfGroupBy() {
        assertThat(problems("sites", "site,status", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "measure sites cannot be crossed by site; measure sites groups by one dimension only"));
        assertThat(problems("activities", "month,status", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "measure activities cannot be crossed by status; crossable for measure activities: month, site, focusArea, program"));
        assertThat(problems("activities", "month,district", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "'district' is not a grouping; crossable for measure activities: month, site, focusArea, program"));
        assertThat(problems("activities", "site,", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "'' is not a grouping; crossable for measure activities: month, site, focusArea, program"));
        assertThat(problems("activities", "site,month,site", null)).containsExactly(new InvalidAggregateQueryException.Problem("groupBy",
                "'site,month,site' names site twice"));
        assertThat(problems("activities", "month,site,focusArea,program", null)).containsExactly(new InvalidAggregateQueryException.Problem(
                "groupBy", "'month,site,focusArea,program' crosses 4 dimensions; at most 3 can be crossed"));
    }

    @Test
    void aCrossingNeverReachesAMeasureThatDoesNotCrossIt() {
        assertThatThrownBy(() -> new AggregateQuery(sites, List.of(Dimension.SITE, Dimension.STATUS), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
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

    /** A measure that answers nothing but crosses some of its dimensions and the month. */
    private record CrossingMeasure() implements Measure {

        @Override
        public String name() {
            return "activities";
        }

        @Override
        public List<Dimension> dimensions() {
            return List.of(Dimension.SITE, Dimension.FOCUS_AREA, Dimension.PROGRAM);
        }

        @Override
        public List<Dimension> crossable() {
            return List.of(Dimension.MONTH, Dimension.SITE, Dimension.FOCUS_AREA, Dimension.PROGRAM);
        }

        @Override
        public List<Metric> metrics() {
            return List.of(Metric.count("activities"));
        }

        @Override
        public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
            return new Aggregation(List.of(), Map.of());
        }
    }
}
