package nrw.kinetz.reporting.activity.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;

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
 *
 * <p>What is held back is written in slices of {@code cellsPerWrite} cells: a write's documents are all alive until
 * the store answered, in this JVM and in the store's, and a single write of every cell of a large replay (71,729 at ten
 * times the sites) kept tens of megabytes alive through many young collections, each of which copied them again — a
 * collector's cost that grew faster than the cells.
 */
public final class ExclusiveReplayStore implements ActivityStore {

    private final ActivityStore store;
    private final int maxRemembered;
    private final Set<UUID> seen = new HashSet<>();
    private final int maxPendingCells;
    private final int cellsPerWrite;
    /** The states of the cells written, as written. */
    private final Map<CellKey, CellState> written = new HashMap<>();
    /** Cell updates not written yet, one per cell, each over the cell's state in the store. */
    private final Map<CellKey, PendingCell> pending = new LinkedHashMap<>();
    private boolean forgetful;

    /** Cells per write of what was held back. */
    public static final int CELLS_PER_WRITE = 5_000;

    public ExclusiveReplayStore(ActivityStore store, int maxRemembered, int maxPendingCells) {
        this(store, maxRemembered, maxPendingCells, CELLS_PER_WRITE);
    }

    public ExclusiveReplayStore(ActivityStore store, int maxRemembered, int maxPendingCells, int cellsPerWrite) {
        this.store = store;
        this.maxRemembered = maxRemembered;
        this.maxPendingCells = maxPendingCells;
        this.cellsPerWrite = cellsPerWrite;
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
            PendingCell held = pending.get(key);
            CellState state = held != null ? CellState.after(held.update(key)) : written.get(key);
            if (state != null) {
                found.put(key, state);
            }
        });
        return found;
    }

    @Override
    public void apply(List<CellUpdate> updates) {
        for (CellUpdate update : updates) {
            PendingCell held = pending.get(update.key());
            if (held == null) {
                pending.put(update.key(), new PendingCell(update));
            } else {
                held.add(update);
            }
        }
        if (pending.size() >= maxPendingCells) {
            flush();
        }
    }

    /** Writes the cell updates held back, merged per cell, in slices. */
    public void flush() {
        List<CellUpdate> slice = new ArrayList<>(Math.min(cellsPerWrite, pending.size()));
        for (Iterator<Map.Entry<CellKey, PendingCell>> cells = pending.entrySet().iterator(); cells.hasNext(); ) {
            Map.Entry<CellKey, PendingCell> cell = cells.next();
            slice.add(cell.getValue().update(cell.getKey()));
            // written cells leave the map at once, so that their updates can be collected with the slice
            cells.remove();
            if (slice.size() == cellsPerWrite || !cells.hasNext()) {
                store.apply(List.copyOf(slice));
                slice.forEach(update -> written.put(update.key(), CellState.after(update)));
                slice.clear();
            }
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

    /**
     * A cell's updates held back, merged in place: a replay over many cells touches each cell seldom, so a merged update
     * made anew per change lived in the maps until the cell's next change, long enough for every young collection to
     * copy it again — the collector's work per event grew with the number of cells. Sums and position as plain fields
     * leave nothing new behind per change.
     */
    private static final class PendingCell {

        private final CellState expected;
        private long activities;
        private long participants;
        private long volunteers;
        private long sessions;
        private long hours;
        private int partition;
        private long offset;

        PendingCell(CellUpdate update) {
            this.expected = update.expected();
            add(update);
        }

        void add(CellUpdate update) {
            Tally delta = update.delta();
            activities += delta.activities();
            participants += delta.participants();
            volunteers += delta.volunteers();
            sessions += delta.sessions();
            hours += delta.hours();
            partition = update.next().partition();
            offset = update.next().offset();
        }

        CellUpdate update(CellKey key) {
            return new CellUpdate(key, new Tally(activities, participants, volunteers, sessions, hours), expected,
                    new Position(partition, offset));
        }
    }
}
