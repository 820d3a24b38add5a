package nrw.kinetz.reporting.activity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;

class ExclusiveReplayStoreTests {

    @Test
    void aReplayThroughItCountsExactlyAsThroughThePlainStore() {
        for (int remembered : new int[] {1_000, 2}) {
            InMemoryActivityStore plain = new InMemoryActivityStore();
            InMemoryActivityStore underlying = new InMemoryActivityStore();
            replay(new ActivityProjection(plain));
            ExclusiveReplayStore exclusive = new ExclusiveReplayStore(underlying, remembered, 1_000);
            replay(new ActivityProjection(exclusive));
            exclusive.flush();

            assertThat(underlying.cells(CellQuery.all())).as("remembering %d ids", remembered)
                    .containsExactlyInAnyOrderElementsOf(plain.cells(CellQuery.all()));
        }
    }

    @Test
    void onlyIdsSeenBeforeAreLookedUpWhileTheyFitInMemory() {
        CountingStore underlying = new CountingStore();
        ActivityProjection projection = new ActivityProjection(new ExclusiveReplayStore(underlying, 1_000, 1_000));
        ActivityReported first = report(5);

        projection.apply(List.of(ActivityFact.of(first, at(0)), ActivityFact.of(report(6), at(1))));
        projection.apply(List.of(ActivityFact.of(report(7), at(2)), ActivityFact.of(ActivityRetracted.of(first, null), at(3))));

        assertThat(underlying.lookedUp).containsExactly(first.activityId());
        assertThat(underlying.statesAsked).isEmpty();
    }

    @Test
    void aCellChangedByManyBatchesIsWrittenOnceWhenFlushed() {
        CountingStore underlying = new CountingStore();
        ExclusiveReplayStore store = new ExclusiveReplayStore(underlying, 1_000, 1_000);
        ActivityProjection projection = new ActivityProjection(store);
        ActivityReported first = report(5);
        ActivityReported second = report(6);

        projection.apply(List.of(ActivityFact.of(first, at(0))));
        projection.apply(List.of(ActivityFact.of(second, at(1))));
        projection.apply(List.of(ActivityFact.of(ActivityRetracted.of(first, null), at(2))));
        assertThat(underlying.cellWrites).as("before the flush").isEmpty();
        store.flush();

        assertThat(underlying.cellWrites).hasSize(1);
        assertThat(underlying.cellWrites.get(0)).hasSize(1);
        Cell cell = underlying.cells(CellQuery.all()).get(0);
        assertThat(cell.values().participants()).isEqualTo(6);
        assertThat(cell.version()).isEqualTo(at(2));
    }

    @Test
    void heldBackCellsAreWrittenWhenTheyReachTheBoundAndBuildOnWhatWasWritten() {
        CountingStore underlying = new CountingStore();
        ExclusiveReplayStore store = new ExclusiveReplayStore(underlying, 1_000, 2);
        ActivityProjection projection = new ActivityProjection(store);
        ActivityReported sport = report(5);

        projection.apply(List.of(ActivityFact.of(sport, at(0))));
        assertThat(underlying.cellWrites).isEmpty();
        projection.apply(List.of(ActivityFact.of(report(FocusArea.KULTUR, 3), at(1))));
        assertThat(underlying.cellWrites).as("two cells wait: the bound").hasSize(1);
        projection.apply(List.of(ActivityFact.of(report(4), at(2))));
        store.flush();

        assertThat(underlying.cellWrites).hasSize(2);
        assertThat(underlying.cellWrites.get(1).get(0).expected()).as("an update over the written cell, not a second insert")
                .isEqualTo(new CellState(at(0), 1, new Tally(1, 5, 0, 1, 1)));
        assertThat(store.cells(CellQuery.all())).extracting(c -> c.values().participants()).containsExactlyInAnyOrder(9L, 3L);
    }

    @Test
    void whatWasHeldBackIsWrittenInSlicesOfTheGivenNumberOfCells() {
        CountingStore underlying = new CountingStore();
        ExclusiveReplayStore store = new ExclusiveReplayStore(underlying, 1_000, 1_000, 2);
        new ActivityProjection(store).apply(List.of(ActivityFact.of(report(FocusArea.SPORT, 1), at(0)),
                ActivityFact.of(report(FocusArea.KULTUR, 2), at(1)), ActivityFact.of(report(FocusArea.SPORT, 4), at(2)),
                ActivityFact.of(report(FocusArea.ARBEIT, 8), at(3))));
        store.flush();
        store.flush();

        assertThat(underlying.cellWrites).extracting(List::size).containsExactly(2, 1);
        assertThat(store.cells(CellQuery.all())).extracting(c -> c.values().participants()).containsExactlyInAnyOrder(5L, 2L, 8L);
    }

    @Test
    void readingCellsWritesWhatWasHeldBackFirst() {
        CountingStore underlying = new CountingStore();
        ExclusiveReplayStore store = new ExclusiveReplayStore(underlying, 1_000, 1_000);
        new ActivityProjection(store).apply(List.of(ActivityFact.of(report(5), at(0))));

        assertThat(store.cells(CellQuery.all())).hasSize(1);
    }

    private static void replay(ActivityProjection projection) {
        ActivityReported a = report(5);
        ActivityReported b = report(8);
        ActivityReported c = report(13);
        projection.apply(List.of(ActivityFact.of(a, at(0)), ActivityFact.of(b, at(1)), ActivityFact.of(a, at(2))));
        projection.apply(List.of(ActivityFact.of(c, at(3)), ActivityFact.of(ActivityRetracted.of(b, null), at(4)),
                ActivityFact.of(b, at(5))));
        projection.apply(List.of(ActivityFact.of(ActivityRetracted.of(c, null), at(6)), ActivityFact.of(a, at(7))));
    }

    private static ActivityReported report(int participants) {
        return report(FocusArea.SPORT, participants);
    }

    private static ActivityReported report(FocusArea focusArea, int participants) {
        return new ActivityReported(UUID.randomUUID(), SiteId.of("05974"), LocalDate.of(2026, 5, 4), focusArea.field(),
                focusArea, ActivityType.PROJEKT, null, null, null, new ActivityMetrics(participants, 0, 1, 1), null);
    }

    private static Position at(long offset) {
        return new Position(0, offset);
    }
}
