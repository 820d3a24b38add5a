package nrw.kinetz.catalog.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass that runs on one thread of its own: right away when {@link #wakeUp()} is called (after a command
 * stored something to send), every poll interval (for what a crash or an absent broker or mail server left
 * behind), and once more on stop. Passes never overlap. Stops after the web server drained, so what the last
 * requests stored is still sent.
 */
public abstract class PeriodicWorker implements SmartLifecycle {

    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    protected PeriodicWorker(String name, Duration pollInterval, Duration stopTimeout) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
    }

    /** One pass; it may throw, the next poll tries again. */
    protected abstract void pass();

    /** Runs a pass soon, not at the next poll; several wake-ups before it starts make one pass. */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current == null || !wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeUpQueued.set(false);
                passQuietly();
            });
        } catch (RejectedExecutionException e) {
            wakeUpQueued.set(false);
        }
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("{} failed, will retry: {}", name, e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::passQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = executor;
        executor = null;
        if (stopping == null) {
            return;
        }
        try {
            stopping.execute(this::passQuietly);
        } catch (RejectedExecutionException e) {
            // already shutting down
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} stopped with work left; the next start picks it up", name);
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
