package nrw.kinetz.reporting.activity.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 */
public final class ExclusiveReplayStore implements ActivityStore {

    private final ActivityStore store;
    private final int maxRemembered;
    private final Set<UUID> seen = new HashSet<>();
    private final Map<CellKey, CellState> states = new HashMap<>();
    private boolean forgetful;

    public ExclusiveReplayStore(ActivityStore store, int maxRemembered) {
        this.store = store;
        this.maxRemembered = maxRemembered;
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
        store.apply(updates);
        updates.forEach(update -> states.put(update.key(), CellState.after(update)));
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
        return store.cells(query);
    }
}
