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
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;

class ExclusiveReplayStoreTests {

    @Test
    void aReplayThroughItCountsExactlyAsThroughThePlainStore() {
        for (int remembered : new int[] {1_000, 2}) {
            InMemoryActivityStore plain = new InMemoryActivityStore();
            InMemoryActivityStore underlying = new InMemoryActivityStore();
            replay(new ActivityProjection(plain));
            replay(new ActivityProjection(new ExclusiveReplayStore(underlying, remembered)));

            assertThat(underlying.cells(CellQuery.all())).as("remembering %d ids", remembered)
                    .containsExactlyInAnyOrderElementsOf(plain.cells(CellQuery.all()));
        }
    }

    @Test
    void onlyIdsSeenBeforeAreLookedUpWhileTheyFitInMemory() {
        CountingStore underlying = new CountingStore();
        ActivityProjection projection = new ActivityProjection(new ExclusiveReplayStore(underlying, 1_000));
        ActivityReported first = report(5);

        projection.apply(List.of(ActivityFact.of(first, at(0)), ActivityFact.of(report(6), at(1))));
        projection.apply(List.of(ActivityFact.of(report(7), at(2)), ActivityFact.of(ActivityRetracted.of(first, null), at(3))));

        assertThat(underlying.lookedUp).containsExactly(first.activityId());
        assertThat(underlying.statesAsked).isEmpty();
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
        return new ActivityReported(UUID.randomUUID(), SiteId.of("05974"), LocalDate.of(2026, 5, 4), FocusArea.SPORT.field(),
                FocusArea.SPORT, ActivityType.PROJEKT, null, null, null, new ActivityMetrics(participants, 0, 1, 1), null);
    }

    private static Position at(long offset) {
        return new Position(0, offset);
    }
}
