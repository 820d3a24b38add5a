package nrw.kinetz.reporting.activity.model;

import java.util.Objects;

/**
 * One stored cell of the activities read model.
 *
 * @param key     its coordinates
 * @param values  the sums; never negative
 * @param version the last record applied to it: every record of its partition up to this one is included
 */
public record Cell(CellKey key, Tally values, Position version) {

    public Cell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
    }
}
