package nrw.kinetz.reporting.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Suppression;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.store.FixedGenerations;
import nrw.kinetz.reporting.activity.store.InMemoryActivityStore;

class ActivitiesMeasureTests {

    private final InMemoryActivityStore store = new InMemoryActivityStore();
    private final ActivitiesMeasure measure = new ActivitiesMeasure(new ActivityReadModel(new FixedGenerations(new Generation(1)),
            (generation, announce) -> store));
    private final ActivityProjection projection = new ActivityProjection(store);
    private long offset;

    @Test
    void aQuarterIsTheSumOfItsMonthsAndOtherQuartersAreLeftOut() {
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.SPORT, Program.KIM, 10);
        report("05974", LocalDate.of(2026, 9, 30), FocusArea.SPORT, Program.KIM, 20);
        report("05974", LocalDate.of(2026, 10, 1), FocusArea.SPORT, Program.KIM, 40);

        assertThat(participants(measure.aggregate(Dimension.SITE, Optional.of(Period.parse("2026-Q3"))).total())).isEqualTo(30);
        assertThat(participants(measure.aggregate(Dimension.SITE, Optional.of(Period.parse("2026"))).total())).isEqualTo(70);
        assertThat(participants(measure.aggregate(Dimension.SITE, Optional.empty()).total())).isEqualTo(70);
    }

    @Test
    void regierungsbezirkRowsAreTheSumsOfTheirSites() {
        report("05111", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 10);
        report("05166", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 5);
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 7);

        Aggregation byRegion = measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.empty());

        assertThat(byRegion.rows()).extracting(AggregateRow::key).containsExactly("1", "3", "5", "7", "9");
        assertThat(byRegion.rows()).extracting(row -> participants(row.values())).containsExactly(15L, 0L, 0L, 0L, 7L);
    }

    @Test
    void programsListEveryProgrammeAndNoneLast() {
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 3);

        Aggregation byProgram = measure.aggregate(Dimension.PROGRAM, Optional.empty());

        assertThat(byProgram.rows()).hasSize(Program.values().length + 1);
        AggregateRow none = byProgram.rows().get(byProgram.rows().size() - 1);
        assertThat(none.key()).isEqualTo("NONE");
        assertThat(none.label()).isEqualTo("ohne Programm");
        assertThat(participants(none.values())).isEqualTo(3);
    }

    @Test
    void aSiteFilterNarrowsToThatSitesCells() {
        report("05111", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 10);
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.KULTUR, null, 7);

        Aggregation soest = measure.aggregate(Dimension.FOCUS_AREA, Optional.empty(), Optional.of(SiteId.of("05974")));

        assertThat(participants(soest.total())).isEqualTo(7);
        assertThat(soest.rows()).hasSize(FocusArea.values().length);
    }

    @Test
    void aCrossedGroupingHasARowPerCombinationWithActivitiesInReadingOrder() {
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 3);
        report("05974", LocalDate.of(2026, 7, 9), FocusArea.SPORT, Program.KIM, 4);
        report("05111", LocalDate.of(2026, 7, 1), FocusArea.KULTUR, null, 10);
        report("05111", LocalDate.of(2026, 3, 1), FocusArea.FRUEHE_BILDUNG, null, 6);
        report("05111", LocalDate.of(2026, 3, 2), FocusArea.SPORT, null, 1);
        report("05111", LocalDate.of(2025, 3, 2), FocusArea.SPORT, null, 50);

        Aggregation crossed = measure.aggregate(List.of(Dimension.MONTH, Dimension.SITE, Dimension.FOCUS_AREA),
                Optional.of(Period.parse("2026")), Suppression.EXACT);

        assertThat(crossed.rows()).extracting(AggregateRow::key).containsExactly(
                "2026-03/05111/FRUEHE_BILDUNG", "2026-03/05111/SPORT", "2026-07/05111/KULTUR", "2026-07/05974/SPORT");
        assertThat(crossed.rows()).extracting(row -> participants(row.values())).containsExactly(6L, 1L, 10L, 7L);
        assertThat(participants(crossed.total())).isEqualTo(24);
        AggregateRow soest = crossed.rows().get(3);
        assertThat(soest.parts()).containsExactly(new AggregateRow.Part("month", "2026-07", "Juli 2026"),
                new AggregateRow.Part("site", "05974", "Kreis Soest"), new AggregateRow.Part("focusArea", "SPORT", "Sport"));
        assertThat(soest.label()).isEqualTo("Juli 2026 / Kreis Soest / Sport");
    }

    @Test
    void aCrossedRowForThePublicIsTheSumOfItsFinestCellsBandMiddles() {
        report("05974", LocalDate.of(2026, 7, 1), FocusArea.SPORT, null, 3);
        report("05974", LocalDate.of(2026, 7, 9), FocusArea.SPORT, Program.KIM, 5);
        report("05974", LocalDate.of(2026, 7, 9), FocusArea.KULTUR, Program.KIM, 1);

        Aggregation shown = Suppression.view(measure, List.of(Dimension.MONTH, Dimension.SITE, Dimension.FOCUS_AREA),
                Optional.of(Period.parse("2026-07")), false);

        assertThat(shown.rows()).extracting(AggregateRow::key).containsExactly("2026-07/05974/SPORT", "2026-07/05974/KULTUR");
        // Two finest cells enter as their bands' middles (3 as 2, 5 as 7): 9 shown as 10, not the exact 8 as 10 or 5.
        assertThat(participants(shown.rows().get(0).values())).isEqualTo(10);
        assertThat(shown.rows().get(1).values().get("participants")).isEqualTo(CellValue.SUPPRESSED);
        assertThat(shown.rows().get(0).values().get("activities")).isEqualTo(CellValue.of(2));
    }

    @Test
    void onlyItsOwnDimensionsAndTheMonthCanBeCrossed() {
        assertThat(measure.crossable()).containsExactly(Dimension.MONTH, Dimension.SITE, Dimension.REGIERUNGSBEZIRK,
                Dimension.FIELD, Dimension.FOCUS_AREA, Dimension.ACTIVITY_TYPE, Dimension.PROGRAM);
        assertThatThrownBy(() -> measure.aggregate(List.of(Dimension.MONTH, Dimension.STATUS), Optional.empty(), Suppression.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot cross");
    }

    @Test
    void metricsComeInTheOrderOfTheContract() {
        assertThat(measure.metrics()).extracting(m -> m.name())
                .containsExactly("activities", "participants", "volunteers", "sessions", "hours");
        assertThat(measure.metrics()).filteredOn(m -> m.countsPeople()).extracting(m -> m.name())
                .containsExactly("participants", "volunteers");
    }

    private void report(String site, LocalDate on, FocusArea focusArea, Program program, int participants) {
        projection.on(new ActivityReported(UUID.randomUUID(), SiteId.of(site), on, focusArea.field(), focusArea, ActivityType.PROJEKT,
                program, null, null, new ActivityMetrics(participants, 0, 1, 1), null), new Position(0, offset++));
    }

    private static long participants(java.util.Map<String, CellValue> values) {
        return ((CellValue.Count) values.get("participants")).value();
    }
}
