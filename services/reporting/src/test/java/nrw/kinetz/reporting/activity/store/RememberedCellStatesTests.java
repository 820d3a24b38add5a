package nrw.kinetz.reporting.activity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;

class RememberedCellStatesTests {

    private final CountingStore shared = new CountingStore();

    @Test
    void aCellThisInstanceReadOrWroteIsNotAskedForAgain() {
        ActivityProjection projection = new ActivityProjection(new RememberedCellStates(shared, 1_000));

        projection.apply(List.of(fact(report(1), 0)));
        projection.apply(List.of(fact(report(2), 1)));
        projection.apply(List.of(fact(report(3), 2)));

        assertThat(shared.statesAsked).containsExactly(1);
        assertThat(sums().participants()).isEqualTo(6);
    }

    @Test
    void aStateAnotherWriterMadeStaleFailsTheWriteAndTheRedeliveryReadsItAfresh() {
        ActivityProjection here = new ActivityProjection(new RememberedCellStates(shared, 1_000));
        ActivityProjection before = new ActivityProjection(shared); // the instance that held the partition before
        here.apply(List.of(fact(report(1), 0)));
        before.apply(List.of(fact(report(2), 1)));
        List<ActivityFact> batch = List.of(fact(report(4), 2));

        assertThatThrownBy(() -> here.apply(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(sums().participants()).isEqualTo(3);
        here.apply(batch);

        assertThat(sums().participants()).isEqualTo(7);
        here.apply(batch); // delivered once more: the state read afresh carries the version that drops it
        assertThat(sums().participants()).isEqualTo(7);
    }

    @Test
    void pastItsBoundItForgetsWhatItRememberedAndAsksAgain() {
        ActivityProjection projection = new ActivityProjection(new RememberedCellStates(shared, 1));

        projection.apply(List.of(fact(report(1), 0), fact(report(ActivityType.FORTBILDUNG, 1), 1)));
        projection.apply(List.of(fact(report(ActivityType.BERATUNG, 1), 2)));
        projection.apply(List.of(fact(report(2), 3)));

        assertThat(shared.statesAsked).containsExactly(2, 1, 1);
        assertThat(sums().participants()).isEqualTo(3);
    }

    private Cell cell() {
        return shared.cells(CellQuery.all()).stream().filter(c -> c.key().activityType() == ActivityType.PROJEKT)
                .findFirst().orElseThrow();
    }

    private Tally sums() {
        return cell().values();
    }

    private static ActivityReported report(int participants) {
        return report(ActivityType.PROJEKT, participants);
    }

    private static ActivityReported report(ActivityType type, int participants) {
        return new ActivityReported(UUID.randomUUID(), SiteId.of("05974"), LocalDate.of(2026, 5, 4), FocusArea.SPORT.field(),
                FocusArea.SPORT, type, null, null, null, new ActivityMetrics(participants, 0, 1, 1), null);
    }

    private static ActivityFact fact(ActivityReported report, long offset) {
        return ActivityFact.of(report, new Position(0, offset));
    }
}
