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

/** A store that hands every call to another one: the base of a store that changes some of them and keeps the rest. */
public abstract class ForwardingActivityStore implements ActivityStore {

    protected final ActivityStore store;

    protected ForwardingActivityStore(ActivityStore store) {
        this.store = store;
    }

    @Override
    public Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds) {
        return store.ledger(activityIds);
    }

    @Override
    public Map<CellKey, CellState> states(Collection<CellKey> keys) {
        return store.states(keys);
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        store.apply(updates);
    }

    @Override
    public void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed) {
        store.record(created, changed);
    }

    @Override
    public List<Cell> cells(CellQuery query) {
        return store.cells(query);
    }
}
