package nrw.kinetz.catalog.support;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the catalog's background tasks (sweeping at once, then every poll interval) and stops them after the
 * web server drained, each with one last round bounded by the stop timeout, in their {@code @Order}: what an
 * earlier task queues (mails, events) is still sent by a later one. What is left waits for the next start.
 */
@Component
class BackgroundTasks implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    /** Stops after the web server finished its graceful shutdown, so what the last requests stored is sent. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final List<BackgroundTask> tasks;
    private final Duration pollInterval;
    private final Duration stopTimeout;

    BackgroundTasks(List<BackgroundTask> tasks, @Value("${kinetz.catalog.worker.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.catalog.worker.stop-timeout:10s}") Duration stopTimeout) {
        this.tasks = List.copyOf(tasks);
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public void start() {
        tasks.forEach(task -> task.worker().start(pollInterval));
    }

    @Override
    public void stop() {
        for (BackgroundTask task : tasks) {
            if (task.worker().stop(stopTimeout)) {
                task.stopped();
            } else {
                // A round may still be running (interrupted, not yet ended): what it holds, it keeps until it expires.
                LOG.warn("{} stopped with work left; the next start picks it up", task.getClass().getSimpleName());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return tasks.stream().anyMatch(task -> task.worker().isRunning());
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
