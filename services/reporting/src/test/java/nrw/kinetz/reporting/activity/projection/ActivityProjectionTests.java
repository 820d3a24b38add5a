package nrw.kinetz.reporting.activity.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.store.ActivityStore;
import nrw.kinetz.reporting.activity.store.ForwardingActivityStore;
import nrw.kinetz.reporting.activity.store.InMemoryActivityStore;

class ActivityProjectionTests {

    private static final SiteId SOEST = SiteId.of("05974");
    private static final LocalDate MAY = LocalDate.of(2026, 5, 4);
    private static final CellKey CELL = new CellKey(SOEST, Period.monthOf(MAY), FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null);

    private final CountingStore store = new CountingStore();
    private final ActivityProjection projection = new ActivityProjection(store);

    @Test
    void aReportAddsOneActivityAndItsMetricsToItsCell() {
        projection.on(report(12, 3), at(10));

        assertThat(values(CELL)).isEqualTo(new Tally(1, 12, 3, 2, 5));
    }

    @Test
    void aBatchWritesEachCellOnceHoweverManyEventsItHas() {
        projection.apply(List.of(fact(report(1, 0), 1), fact(report(2, 0), 2), fact(report(3, 0), 3),
                fact(report(ActivityType.FORTBILDUNG, 4), 4)));

        assertThat(store.updatesPerBatch).containsExactly(2);
        assertThat(values(CELL)).isEqualTo(new Tally(3, 6, 0, 6, 15));
    }

    @Test
    void theSameIdAtAnotherOffsetIsADuplicateAndAddsNothing() {
        ActivityReported report = report(12, 3);
        projection.on(report, at(10));

        projection.on(report, at(11));
        projection.apply(List.of(fact(report, 12), fact(report, 13)));

        assertThat(values(CELL).activities()).isEqualTo(1);
    }

    @Test
    void aRedeliveredRecordAddsNothingBecauseTheCellHasItsOffset() {
        ActivityReported report = report(12, 3);
        projection.on(report, at(10));

        projection.on(report, at(10));

        assertThat(values(CELL)).isEqualTo(new Tally(1, 12, 3, 2, 5));
    }

    @Test
    void aBatchRedeliveredAfterACrashBetweenCellsAndLedgerCountsOnce() {
        List<ActivityFact> batch = List.of(fact(report(5, 0), 20), fact(report(6, 0), 21));
        store.failNextRecord = true;
        assertThatThrownBy(() -> projection.apply(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(values(CELL).activities()).as("cells written, ledger not").isEqualTo(2);

        // Redelivered with more records behind it, as the next poll may bring.
        List<ActivityFact> redelivered = new ArrayList<>(batch);
        redelivered.add(fact(report(7, 0), 22));
        projection.apply(redelivered);

        assertThat(values(CELL)).isEqualTo(new Tally(3, 18, 0, 6, 15));
    }

    @Test
    void aRetractionSubtractsWhatTheReportAddedOnce() {
        ActivityReported kept = report(8, 1);
        ActivityReported wrong = report(40, 4);
        projection.apply(List.of(fact(kept, 1), fact(wrong, 2)));

        projection.on(ActivityRetracted.of(wrong, "typo"), at(3));
        projection.on(ActivityRetracted.of(wrong, "typo"), at(4));
        projection.on(ActivityRetracted.of(wrong, "typo"), at(3));

        assertThat(values(CELL)).isEqualTo(new Tally(1, 8, 1, 2, 5));
    }

    @Test
    void aRetractionTakesTheLedgersNumbersEvenIfItsOwnDisagree() {
        ActivityReported report = report(8, 1);
        projection.on(report, at(1));
        ActivityReported claimed = new ActivityReported(report.activityId(), SOEST, MAY, report.field(), report.focusArea(),
                report.activityType(), null, null, null, new ActivityMetrics(99, 99, 99, 99), null);

        projection.on(ActivityRetracted.of(claimed, null), at(2));

        assertThat(values(CELL)).isEqualTo(Tally.ZERO);
    }

    @Test
    void aReportAfterItsRetractionStaysWithdrawn() {
        ActivityReported report = report(8, 1);

        projection.on(ActivityRetracted.of(report, "report lost, retracted anyway"), at(1));
        projection.on(report, at(2));

        assertThat(store.cells(CellQuery.all())).isEmpty();
    }

    @Test
    void aReportAndItsRetractionInOneBatchLeaveNoTrace() {
        ActivityReported report = report(8, 1);

        projection.apply(List.of(fact(report, 1), new ActivityFact(report.activityId(), ActivityFact.Kind.RETRACTED, CELL,
                Tally.of(report.metrics()), at(2))));

        assertThat(store.cells(CellQuery.all())).isEmpty();
        LedgerEntry entry = store.ledger(List.of(report.activityId())).get(report.activityId());
        assertThat(entry.reportedAt()).isEqualTo(at(1));
        assertThat(entry.retractedAt()).isEqualTo(at(2));
    }

    @Test
    void aBatchTellsTheStateEachChangedCellIsInNowOnceTheCellsAreWrittenAndBeforeTheLedgerIs() {
        projection.on(report(1, 0), at(1));
        List<Map<CellKey, CellState>> told = new ArrayList<>();
        List<Integer> ledgerEntriesWhenTold = new ArrayList<>();
        ActivityReported second = report(2, 0);

        boolean written = projection.write(List.of(fact(second, 2), fact(report(3, 0), 3)), () -> true, cells -> {
            told.add(cells);
            ledgerEntriesWhenTold.add(store.ledger(List.of(second.activityId())).size());
        });

        assertThat(written).isTrue();
        assertThat(told).containsExactly(Map.of(CELL, new CellState(at(3), 2, new Tally(3, 6, 0, 6, 15))));
        assertThat(ledgerEntriesWhenTold).containsExactly(0);
        assertThat(store.states(List.of(CELL))).containsEntry(CELL, told.get(0).get(CELL));
    }

    @Test
    void aBatchThatMayNotWriteOnceItHasReadWritesNothingAndTellsNothing() {
        projection.on(report(1, 0), at(1));
        List<Map<CellKey, CellState>> told = new ArrayList<>();

        assertThat(projection.write(List.of(fact(report(2, 0), 2)), () -> false, told::add)).isFalse();

        assertThat(told).isEmpty();
        assertThat(store.updatesPerBatch).containsExactly(1);
        assertThat(values(CELL).activities()).isEqualTo(1);
    }

    @Test
    void aCellChangedByAnotherWriterFailsTheBatchInsteadOfCountingTwice() {
        projection.on(report(1, 0), at(1));
        CellState read = store.states(List.of(CELL)).get(CELL);
        store.apply(List.of(new CellUpdate(CELL, new Tally(1, 1, 0, 0, 0), read, at(5))));

        assertThatThrownBy(() -> new ActivityProjection(new StaleVersions(store, read)).on(report(2, 0), at(6)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(values(CELL).activities()).isEqualTo(2);
    }

    private Tally values(CellKey key) {
        return store.cells(CellQuery.all()).stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().values();
    }

    private static ActivityReported report(int participants, int volunteers) {
        return new ActivityReported(UUID.randomUUID(), SOEST, MAY, FocusArea.FRUEHE_BILDUNG.field(), FocusArea.FRUEHE_BILDUNG,
                ActivityType.BERATUNG, null, null, null, new ActivityMetrics(participants, volunteers, 2, 5), null);
    }

    private static ActivityReported report(ActivityType type, int participants) {
        return new ActivityReported(UUID.randomUUID(), SOEST, MAY, FocusArea.FRUEHE_BILDUNG.field(), FocusArea.FRUEHE_BILDUNG,
                type, null, null, null, new ActivityMetrics(participants, 0, 1, 1), null);
    }

    private static ActivityFact fact(ActivityReported report, long offset) {
        return ActivityFact.of(report, at(offset));
    }

    private static Position at(long offset) {
        return new Position(0, offset);
    }

    /** The in-memory store, counting cell updates per batch and able to fail once after writing the cells. */
    private static final class CountingStore extends ForwardingActivityStore {

        final List<Integer> updatesPerBatch = new ArrayList<>();
        boolean failNextRecord;

        CountingStore() {
            super(new InMemoryActivityStore());
        }

        @Override
        public void apply(List<CellUpdate> updates) {
            updatesPerBatch.add(updates.size());
            store.apply(updates);
        }

        @Override
        public void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed) {
            if (failNextRecord) {
                failNextRecord = false;
                throw new IllegalStateException("the process died");
            }
            store.record(created, changed);
        }
    }

    /** A store whose state reads are out of date, as if another instance wrote in between. */
    private static final class StaleVersions extends ForwardingActivityStore {

        private final CellState stale;

        StaleVersions(ActivityStore store, CellState stale) {
            super(store);
            this.stale = stale;
        }

        @Override
        public Map<CellKey, CellState> states(Collection<CellKey> keys) {
            return Map.of(CELL, stale);
        }
    }
}
