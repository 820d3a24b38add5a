package nrw.kinetz.reporting.program;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The read model "programs": one entry per grant with its current sums (whole cents), one per measure with its
 * targets, and one per indicator change, each counted once by its {@code ce_id}. Writing is idempotent: sums are
 * set, not added, and guarded by the offset of the last event applied (within one partition the offset is a
 * version), so a redelivered older event never overwrites a newer sum.
 */
public interface ProgramFigures {

    /**
     * @param block      null for a grant of the programme as a whole
     * @param status     APPLIED, APPROVED or REJECTED
     * @param proofStatus OPEN, SUBMITTED, RETURNED or ACCEPTED: where the Verwendungsnachweis stands
     * @param proofDue   when it is due (ISO date), null before the approval
     * @param lastOffset the offset of the last event applied, within the site's partition
     */
    public record GrantRow(String id, String siteId, String program, String block, int budgetYear, String status,
            long grantedCents, long disbursedCents, long spentCents, long repaymentCents, String proofStatus, String proofDue,
            int partition, long lastOffset) {
    }

    public record MeasureRow(String id, String siteId, String program, String block, int fromYear, int toYear,
            Map<String, Long> targets) {
    }

    /** One indicator change: what one activity (or its retraction) added to one site's programme (block) in a year. */
    public record ChangeRow(String id, String siteId, String program, String block, int budgetYear, Map<String, Long> changes) {
    }

    /**
     * Sets {@code fields} on the grant unless an event at or after {@code offset} was applied already; creates the
     * grant on its first event.
     */
    public void grant(String grantId, String siteId, String program, String block, int budgetYear, int partition, long offset,
            Map<String, Object> fields);

    public void measure(MeasureRow row);

    /** @return false if this change was counted before */
    public boolean change(ChangeRow row);

    public List<GrantRow> grants();

    public List<MeasureRow> measures();

    public List<ChangeRow> changes();

    public List<GrantRow> grants(String siteId);

    public List<MeasureRow> measures(String siteId);

    public List<ChangeRow> changes(String siteId, int budgetYear);

    /**
     * One cell of the measure — a site's programme (block) in a budget year — whose figures changed since the feed
     * last took them: the mark the feed relay looks for (docs/architecture.md#outbox).
     *
     * @param key      {@code programs/<site>/<budget year>/<programme>/<block or NONE>}
     * @param block    null for the programme as a whole
     * @param revision increased by every change; the feed clears the mark of the revision it took
     */
    public record CellMark(String key, String siteId, String program, String block, int budgetYear, long revision) {
    }

    /**
     * Marks the cell changed; called after every applied event that concerns it, also a redelivered one, so a crash
     * between the figures and the mark loses no announcement.
     *
     * @return the cell's key
     */
    public String touch(String siteId, String program, String block, int budgetYear);

    /**
     * @param keys the cells to look at, null for any
     * @return up to {@code limit} marked cells
     */
    public List<CellMark> marked(Collection<String> keys, int limit);

    /** Clears the mark, unless the cell changed again after {@code revision}. */
    public void fed(String key, long revision);
}
