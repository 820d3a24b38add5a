package nrw.kinetz.reporting.activity.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;

/** The in-memory store, remembering the ids every ledger lookup named, how many cells every question for states named and every cell write. */
final class CountingStore extends ForwardingActivityStore {

    final List<UUID> lookedUp = new ArrayList<>();
    final List<Integer> statesAsked = new ArrayList<>();
    final List<List<CellUpdate>> cellWrites = new ArrayList<>();

    CountingStore() {
        super(new InMemoryActivityStore());
    }

    @Override
    public Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds) {
        lookedUp.addAll(activityIds);
        return store.ledger(activityIds);
    }

    @Override
    public Map<CellKey, CellState> states(Collection<CellKey> keys) {
        statesAsked.add(keys.size());
        return store.states(keys);
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        cellWrites.add(List.copyOf(updates));
        store.apply(updates);
    }
}
