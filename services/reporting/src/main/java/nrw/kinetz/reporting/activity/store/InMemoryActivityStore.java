package nrw.kinetz.reporting.activity.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nrw.kinetz.reporting.activity.model.Cell;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellQuery;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Tally;

/**
 * The activities read model in memory: what a reconciliation recomputes a period into, and the store of unit
 * tests. Same contract as the MongoDB store, including the version check.
 */
public final class InMemoryActivityStore implements ActivityStore {

    private final Map<UUID, LedgerEntry> ledger = new HashMap<>();
    private final Map<CellKey, Cell> cells = new LinkedHashMap<>();
    private final Map<CellKey, Long> revisions = new HashMap<>();

    @Override
    public synchronized Map<UUID, LedgerEntry> ledger(Collection<UUID> activityIds) {
        Map<UUID, LedgerEntry> found = new HashMap<>();
        activityIds.forEach(id -> {
            if (ledger.containsKey(id)) {
                found.put(id, ledger.get(id));
            }
        });
        return found;
    }

    @Override
    public synchronized Map<CellKey, CellState> states(Collection<CellKey> keys) {
        Map<CellKey, CellState> found = new HashMap<>();
        keys.forEach(key -> {
            if (cells.containsKey(key)) {
                found.put(key, state(key));
            }
        });
        return found;
    }

    @Override
    public synchronized void apply(List<CellUpdate> updates) {
        for (CellUpdate update : updates) {
            CellState state = cells.containsKey(update.key()) ? state(update.key()) : null;
            if (state == null ? update.expected() != null : !state.equals(update.expected())) {
                throw new IllegalStateException("cell " + update.key() + " is at " + state + ", not " + update.expected());
            }
        }
        for (CellUpdate update : updates) {
            Cell current = cells.get(update.key());
            Tally values = (current == null ? Tally.ZERO : current.values()).plus(update.delta());
            cells.put(update.key(), new Cell(update.key(), values, update.next()));
            revisions.merge(update.key(), 1L, Long::sum);
        }
    }

    private CellState state(CellKey key) {
        Cell cell = cells.get(key);
        return new CellState(cell.version(), revisions.get(key), cell.values());
    }

    @Override
    public synchronized void record(Collection<LedgerEntry> created, Collection<LedgerEntry> changed) {
        for (LedgerEntry entry : created) {
            if (ledger.containsKey(entry.activityId())) {
                throw new IllegalStateException("activity " + entry.activityId() + " was recorded by another writer");
            }
        }
        created.forEach(entry -> ledger.put(entry.activityId(), entry));
        changed.forEach(entry -> ledger.put(entry.activityId(), entry));
    }

    @Override
    public synchronized List<Cell> cells(CellQuery query) {
        return cells.values().stream().filter(cell -> query.matches(cell.key())).toList();
    }
}
