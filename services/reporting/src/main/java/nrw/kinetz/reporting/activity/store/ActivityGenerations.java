package nrw.kinetz.reporting.activity.store;

import java.util.Optional;

import nrw.kinetz.reporting.activity.model.Generation;

/**
 * The pointer to the generation of the activities read model that answers queries and takes live events. It is
 * shared by every instance of the service: a rebuild on one instance switches all of them through it.
 */
public interface ActivityGenerations {

    /** @return the generation queries read; may be a few seconds old on an instance that did not switch it */
    public Generation active();

    /**
     * Asks the store, never a cache, because a listener must not write a generation a moment after another
     * instance stopped every writer of it.
     *
     * @return the generation live listeners may write now: the active one, or none while a rebuild hands over
     */
    public Optional<Generation> writable();

    /** Stops every instance writing the active generation until {@link #activate} or {@link #cancelHandover}. */
    public void beginHandover(Generation next);

    /** Lets live listeners write the active generation again, after a rebuild gave up. */
    public void cancelHandover();

    /** Makes {@code generation} the active one and ends a handover; one single-document write, so readers see the old or the new. */
    public void activate(Generation generation);
}
