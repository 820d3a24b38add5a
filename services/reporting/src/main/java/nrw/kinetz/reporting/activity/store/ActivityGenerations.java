package nrw.kinetz.reporting.activity.store;

import nrw.kinetz.reporting.activity.model.Generation;

/** The pointer to the generation of the activities read model that answers queries and takes live events. */
public interface ActivityGenerations {

    public Generation active();

    /** Makes {@code generation} the active one; one single-document write, so readers see the old or the new. */
    public void activate(Generation generation);
}
