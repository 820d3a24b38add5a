package nrw.kinetz.reporting.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
