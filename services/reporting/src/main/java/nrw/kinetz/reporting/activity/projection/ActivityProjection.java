package nrw.kinetz.reporting.activity.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Position;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.store.ActivityStore;

/**
 * The projection of {@code ki.activities.v1} into the read model "activities": per cell the number of
 * activities and the sums of their metrics. It takes a whole poll at once and writes each cell once per
 * batch, so store writes grow with the distinct cells of a batch, not with its events (docs/architecture.md#performance).
 *
 * <p>Nothing is counted twice (docs/architecture.md#idempotency), by two checks that need no transaction:
 * <ul>
 * <li>the <b>ledger</b> remembers, per activity id, the record that first reported it and the one that first
 * retracted it. Another record with the same id is a client duplicate or a re-publication and is skipped;
 * the same record again (same partition and offset) is a redelivery and goes on to the second check;</li>
 * <li>each <b>cell</b> carries the position of the last record applied to it. A record at or before that
 * position is in the cell already.</li>
 * </ul>
 * Cells are written before the ledger. If the process dies between the two, the redelivered records are
 * unknown to the ledger, count as first occurrences, and the cell versions drop what was applied: the same
 * result as without the crash. A retraction subtracts what the ledger recorded for the report, once, and
 * only if the report was counted.
 */
public final class ActivityProjection {

    private final ActivityStore store;

    public ActivityProjection(ActivityStore store) {
        this.store = store;
    }

    /** @return the cells whose numbers changed; empty if the report had been applied already */
    public Set<CellKey> on(ActivityReported event, Position at) {
        return apply(List.of(ActivityFact.of(event, at)));
    }

    /** @return the cells whose numbers changed; empty if the retraction had been applied already */
    public Set<CellKey> on(ActivityRetracted event, Position at) {
        return apply(List.of(ActivityFact.of(event, at)));
    }

    /**
     * Applies a batch in topic order.
     *
     * @return the cells whose numbers changed
     */
    public Set<CellKey> apply(List<ActivityFact> facts) {
        Set<CellKey> changed = new LinkedHashSet<>();
        write(facts, () -> true, written -> changed.addAll(written.keySet()));
        return changed;
    }

    /**
     * Applies a batch in topic order if {@code mayWrite}, asked once the batch has been read from the store and
     * before anything is written, still allows it; so a check of the writer's right can run while the batch reads.
     *
     * @param cellsWritten told the state each changed cell is in now, in the order of the batch, as soon as the cells
     *                     are written and before the ledger is: what it announces is in the cells whatever happens to
     *                     the rest of the batch (their marks say the same)
     * @return whether the batch was written; {@code false}, with nothing written, if {@code mayWrite} said no
     */
    public boolean write(List<ActivityFact> facts, BooleanSupplier mayWrite, Consumer<Map<CellKey, CellState>> cellsWritten) {
        if (facts.isEmpty()) {
            return mayWrite.getAsBoolean();
        }
        Map<UUID, LedgerEntry> known = store.ledger(facts.stream().map(ActivityFact::activityId).distinct().toList());
        Map<UUID, LedgerEntry> ledger = new HashMap<>(known);
        Map<UUID, LedgerEntry> changed = new LinkedHashMap<>();
        Map<CellKey, List<Contribution>> contributions = new LinkedHashMap<>();
        for (ActivityFact fact : facts) {
            LedgerEntry before = ledger.get(fact.activityId());
            LedgerEntry after = fact.kind() == ActivityFact.Kind.REPORTED
                    ? report(fact, before, contributions)
                    : retraction(fact, before, contributions);
            if (after != before) {
                ledger.put(fact.activityId(), after);
                changed.put(fact.activityId(), after);
            }
        }
        List<CellUpdate> updates = updates(contributions);
        if (!mayWrite.getAsBoolean()) {
            return false;
        }
        store.apply(updates);
        if (!updates.isEmpty()) {
            Map<CellKey, CellState> written = new LinkedHashMap<>();
            updates.forEach(update -> written.put(update.key(), CellState.after(update)));
            cellsWritten.accept(written);
        }
        List<LedgerEntry> created = new ArrayList<>();
        List<LedgerEntry> replaced = new ArrayList<>();
        changed.forEach((id, entry) -> (known.containsKey(id) ? replaced : created).add(entry));
        store.record(created, replaced);
        return true;
    }

    /** What a record adds to or takes from a cell. */
    private record Contribution(Tally delta, Position at) {
    }

    /**
     * The first record that reports an activity counts, unless a retraction came before it; the same record
     * redelivered counts again here and is dropped by the cell version if it is in the cell already; any other
     * record with the same id adds nothing.
     */
    private static LedgerEntry report(ActivityFact fact, LedgerEntry entry, Map<CellKey, List<Contribution>> contributions) {
        LedgerEntry after = entry == null ? new LedgerEntry(fact.activityId(), fact.key(), fact.tally(), fact.at(), null)
                : entry.reportedAt() == null ? entry.reported(fact.at())
                : entry;
        if (after.reportedAt().equals(fact.at()) && after.reportWasAdded()) {
            add(contributions, after.key(), new Contribution(after.tally(), fact.at()));
        }
        return after;
    }

    /** The first record that retracts a counted report takes the report's numbers away; the rules mirror {@link #report}. */
    private static LedgerEntry retraction(ActivityFact fact, LedgerEntry entry, Map<CellKey, List<Contribution>> contributions) {
        LedgerEntry after = entry == null ? new LedgerEntry(fact.activityId(), fact.key(), fact.tally(), null, fact.at())
                : entry.retractedAt() == null ? entry.retracted(fact.at())
                : entry;
        if (after.retractedAt().equals(fact.at()) && after.reportWasAdded()) {
            add(contributions, after.key(), new Contribution(after.tally().negated(), fact.at()));
        }
        return after;
    }

    private static void add(Map<CellKey, List<Contribution>> contributions, CellKey key, Contribution contribution) {
        contributions.computeIfAbsent(key, k -> new ArrayList<>()).add(contribution);
    }

    /** One update per cell with what its version does not include yet; none where that nets out to zero. */
    private List<CellUpdate> updates(Map<CellKey, List<Contribution>> contributions) {
        if (contributions.isEmpty()) {
            return List.of();
        }
        Map<CellKey, CellState> states = store.states(contributions.keySet());
        List<CellUpdate> updates = new ArrayList<>();
        contributions.forEach((key, list) -> {
            CellState state = states.get(key);
            Position version = state == null ? null : state.version();
            Tally delta = Tally.ZERO;
            Position next = null;
            for (Contribution contribution : list) {
                if (contribution.at().isNewerThan(version)) {
                    delta = delta.plus(contribution.delta());
                    // A cell's records share one partition and arrive in topic order, so the last is the newest.
                    next = contribution.at();
                }
            }
            if (next != null && !delta.isZero()) {
                updates.add(new CellUpdate(key, delta, state, next));
            }
        });
        return updates;
    }
}
