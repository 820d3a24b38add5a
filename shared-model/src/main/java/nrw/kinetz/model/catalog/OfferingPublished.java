package nrw.kinetz.model.catalog;

import java.util.Objects;

/**
 * An offering was published: people can find it and register (`nrw.ki.catalog.offering-published.v1`).
 *
 * @param offering the offering as it now stands
 */
public record OfferingPublished(OfferingDetails offering) {

    public OfferingPublished {
        Objects.requireNonNull(offering, "offering");
    }
}
