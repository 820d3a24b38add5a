package nrw.kinetz.reporting.activity.model;

import java.util.Objects;

/**
 * Where a stored cell stands: which records it includes, and how often it was written.
 *
 * @param version  the last record applied to it
 * @param revision the number of writes to it; a write is made only over the revision it was computed from,
 *                 so that a second writer fails instead of counting twice
 */
public record CellState(Position version, long revision) {

    public CellState {
        Objects.requireNonNull(version, "version");
        if (revision < 1) {
            throw new IllegalArgumentException("a stored cell has been written at least once, revision was " + revision);
        }
    }
}
