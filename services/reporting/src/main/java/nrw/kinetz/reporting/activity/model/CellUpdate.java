package nrw.kinetz.reporting.activity.model;

import java.util.Objects;

/**
 * One conditional write of a batch: add {@code delta} to the cell and move its version to {@code next}, over
 * the state the delta was computed from. The condition makes a concurrent writer (a consumer that lost its
 * partition but has not noticed yet) fail instead of counting twice.
 *
 * @param key      the cell
 * @param delta    the sum of what the batch adds and takes away
 * @param expected the state the cell has now, {@code null} if it does not exist yet
 * @param next     the last record the delta includes
 */
public record CellUpdate(CellKey key, Tally delta, CellState expected, Position next) {

    public CellUpdate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(next, "next");
    }
}
