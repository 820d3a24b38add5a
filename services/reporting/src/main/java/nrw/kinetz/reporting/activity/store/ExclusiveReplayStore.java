package nrw.kinetz.reporting.activity.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;

/**
 * The store of a rebuild's replay, which fills a new, empty generation that nothing else writes. What the replay
 * wrote is therefore all there is, and most lookups are answered from memory: cell states always (there are
 * few cells), the ledger for as long as the ids seen fit in {@code maxRemembered} — an id never seen is then
 * unknown without asking, and only duplicates and retractions are looked up. Past the bound every lookup goes
 * to the store, as in the live model: memory stays bounded, results stay the same.
 *
 * <p>Cell writes are held back and merged per cell until {@code maxPendingCells} cells wait or {@link #flush()} is
 * called, so that a replay writes each cell about once however many batches change it: with more sites or more
 * months a batch of a fixed size touches more distinct cells, and writing them once per batch would make a replay
 * dearer per event the more cells there are. The generation's kept positions may meanwhile run ahead of its
 * cells; that is harmless because a generation counts only once it is activated, which the rebuild does after its
 * last flush, and a replay that dies is dropped and started over ({@code ActivityRebuild}).
 */
public final class ExclusiveReplayStore implements ActivityStore {

    private final ActivityStore store;
    private final int maxRemembered;
    private final Set<UUID> seen = new HashSet<>();
    private final int maxPendingCells;
    private final Map<CellKey, CellState> states = new HashMap<>();
    /** Cell updates not written yet, one per cell, each over the cell's state in the store. */
    private final Map<CellKey, CellUpdate> pending = new LinkedHashMap<>();
    private boolean forgetful;

    public ExclusiveReplayStore(ActivityStore store, int maxRemembered, int maxPendingCells) {
        this.store = store;
        this.maxRemembered = maxRemembered;
        this.maxPendingCells = maxPendingCells;
    }

    @Override
    public Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds) {
        if (forgetful) {
            return store.ledger(activityIds);
        }
        List<UUID> known = new ArrayList<>();
        activityIds.forEach(id -> {
            if (seen.contains(id)) {
                known.add(id);
            }
        });
        return known.isEmpty() ? Map.of() : store.ledger(known);
    }

    @Override
    public Map<CellKey, CellState> states(Collection<CellKey> keys) {
        Map<CellKey, CellState> found = new HashMap<>();
        keys.forEach(key -> {
            CellState state = states.get(key);
            if (state != null) {
                found.put(key, state);
            }
        });
        return found;
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        for (CellUpdate update : updates) {
            CellUpdate merged = pending.merge(update.key(), update, (before, after) ->
                    new CellUpdate(after.key(), before.delta().plus(after.delta()), before.expected(), after.next()));
            // the state the cell will have once written, so that later updates are computed over it
            states.put(update.key(), CellState.after(merged));
        }
        if (pending.size() >= maxPendingCells) {
            flush();
        }
    }

    /** Writes the cell updates held back, merged per cell. */
    public void flush() {
        if (!pending.isEmpty()) {
            store.apply(List.copyOf(pending.values()));
            pending.clear();
        }
    }

    @Override
    public void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed) {
        store.record(created, changed);
        if (!forgetful) {
            created.forEach(entry -> seen.add(entry.activityId()));
            if (seen.size() > maxRemembered) {
                forgetful = true;
                seen.clear();
            }
        }
    }

    @Override
    public List<Cell> cells(CellQuery query) {
        flush();
        return store.cells(query);
    }
}
