package nrw.kinetz.reporting.activity.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;

/** Where one generation of the activities read model is kept: the cells and the activity ledger. */
public interface ActivityStore {

    /** @return the ledger entries of those of {@code activityIds} that are known */
    public Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds);

    /** @return the state of those of {@code keys} that exist */
    public Map<CellKey, CellState> states(Collection<CellKey> keys);

    /**
     * Applies every update, each atomically on its own cell.
     *
     * @throws RuntimeException if a cell is not in its expected state any more, or a new one exists already
     *                          (another writer); nothing is lost, the batch is redelivered and re-checked
     */
    public void apply(List<CellUpdate> updates);

    /**
     * Writes the ledger entries of a batch.
     *
     * @param created entries of activities the ledger did not know when the batch read it: inserted, so that
     *                a second writer recording the same activity fails instead of both counting it
     * @param changed entries it knew: replaced
     */
    public void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed);

    public List<Cell> cells(CellQuery query);
}
