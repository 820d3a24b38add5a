package nrw.kinetz.reporting.activity;

/** The pointer to the generation of the activities read model that answers queries and takes live events. */
interface ActivityGenerations {

    Generation active();

    /** Makes {@code generation} the active one; one single-document write, so readers see the old or the new. */
    void activate(Generation generation);
}
