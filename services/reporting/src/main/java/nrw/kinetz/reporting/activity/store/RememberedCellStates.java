package nrw.kinetz.reporting.activity.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;

/**
 * The live store with the cell states this instance last read or wrote kept in memory, so that a batch asks the
 * store only for the cells it has not seen yet: one round trip less per batch once the busy cells are known.
 *
 * <p>A remembered state is stale only if someone else wrote the cell since — an instance that held the cell's
 * partition before a rebalance. The write computed over it is guarded by the cell's revision, so it fails instead of
 * counting twice ({@link ActivityStore#apply}), and the batch is redelivered; the states of a batch whose write failed
 * are forgotten, so the redelivery reads them afresh. Memory is bounded: past {@code maxRemembered} cells every
 * state is forgotten and read again when next needed.
 */
public final class RememberedCellStates extends ForwardingActivityStore {

    private final int maxRemembered;
    /** Written by the listener threads of several partitions, whose cells are disjoint. */
    private final Map<CellKey, CellState> states = new ConcurrentHashMap<>();

    public RememberedCellStates(ActivityStore store, int maxRemembered) {
        super(store);
        this.maxRemembered = maxRemembered;
    }

    @Override
    public Map<CellKey, CellState> states(Collection<CellKey> keys) {
        Map<CellKey, CellState> found = new HashMap<>();
        List<CellKey> unknown = new ArrayList<>();
        for (CellKey key : keys) {
            CellState state = states.get(key);
            if (state == null) {
                unknown.add(key);
            } else {
                found.put(key, state);
            }
        }
        if (!unknown.isEmpty()) {
            Map<CellKey, CellState> read = store.states(unknown);
            found.putAll(read);
            remember(read);
        }
        return found;
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        try {
            store.apply(updates);
        } catch (RuntimeException e) {
            updates.forEach(update -> states.remove(update.key()));
            throw e;
        }
        Map<CellKey, CellState> written = new HashMap<>();
        updates.forEach(update -> written.put(update.key(), CellState.after(update)));
        remember(written);
    }

    private void remember(Map<CellKey, CellState> read) {
        if (states.size() + read.size() > maxRemembered) {
            states.clear();
        }
        states.putAll(read);
    }
}
