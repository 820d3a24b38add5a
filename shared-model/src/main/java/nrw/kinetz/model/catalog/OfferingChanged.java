package nrw.kinetz.model.catalog;

import java.util.Objects;

/**
 * A published offering changed (`nrw.ki.catalog.offering-changed.v1`); carries the complete new details.
 *
 * @param offering the offering as it now stands
 */
public record OfferingChanged(OfferingDetails offering) {

    public OfferingChanged {
        Objects.requireNonNull(offering, "offering");
    }
}
