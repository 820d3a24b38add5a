package nrw.kinetz.catalog.support;

import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * A piece of the catalog's work that runs on a {@link BackgroundWorker} of its own; {@link BackgroundTasks}
 * starts and stops them all, in their {@code @Order}.
 */
public interface BackgroundTask {

    /** @return the worker that runs this task's rounds */
    BackgroundWorker worker();

    /** Called once the worker's last round has ended, e.g. to give up a lease at once instead of letting it expire. */
    default void stopped() {
    }
}
