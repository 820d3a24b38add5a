package nrw.kinetz.reporting.activity;

import java.util.Objects;
import java.util.UUID;

/**
 * What the read model knows about one activity id: the dedupe record that makes a report count once and a
 * retraction subtract once (docs/architecture.md#idempotency), and the raw activity — its cell and numbers — that a retraction
 * reverses. A retraction subtracts what the ledger says was added, not what it claims itself, so the two
 * cannot drift apart.
 *
 * @param activityId  the activity
 * @param key         the cell of the report (of the retraction, if that came first)
 * @param tally       the numbers of the report (of the retraction, if that came first)
 * @param reportedAt  the record that first reported the activity, {@code null} if none yet
 * @param retractedAt the record that first retracted it, {@code null} if none yet
 */
record LedgerEntry(UUID activityId, CellKey key, Tally tally, Position reportedAt, Position retractedAt) {

    LedgerEntry {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tally, "tally");
        if (reportedAt == null && retractedAt == null) {
            throw new IllegalArgumentException("a ledger entry records a report or a retraction");
        }
    }

    /**
     * Whether the report was added to the cells: it arrived, and no retraction came before it (a retraction
     * after it takes it away again). A retraction before the report (in the same partition) means the report
     * was lost or dead-lettered and later re-driven; the activity stays withdrawn.
     */
    boolean reportWasAdded() {
        return reportedAt != null && (retractedAt == null || !retractedAt.precedes(reportedAt));
    }

    LedgerEntry reported(Position at) {
        return new LedgerEntry(activityId, key, tally, at, retractedAt);
    }

    LedgerEntry retracted(Position at) {
        return new LedgerEntry(activityId, key, tally, reportedAt, at);
    }
}
