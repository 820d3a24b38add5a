package nrw.kinetz.reporting.activity.model;

import java.util.Objects;

/**
 * Where a stored cell stands: which records it includes, how often it was written, and its sums.
 *
 * @param version  the last record applied to it
 * @param revision the number of writes to it; a write is made only over the revision it was computed from,
 *                 so that a second writer fails instead of counting twice
 * @param values   its sums at that revision
 */
public record CellState(Position version, long revision, Tally values) {

    public CellState {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(values, "values");
        if (revision < 1) {
            throw new IllegalArgumentException("a stored cell has been written at least once, revision was " + revision);
        }
    }

    /** @return the state a cell is in once {@code update} was written over the state it expected */
    public static CellState after(CellUpdate update) {
        CellState before = update.expected();
        return before == null ? new CellState(update.next(), 1, update.delta())
                : new CellState(update.next(), before.revision() + 1, before.values().plus(update.delta()));
    }
}
