package nrw.kinetz.infra.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that does a piece of work in rounds: a <em>sweep</em> every interval (it finds what
 * a crash, another instance or an absent broker left behind), and a round soon after every {@link #wakeUp()}
 * (work was just written here, so it goes out now rather than at the next sweep). Outbox relays, feed relays
 * and pollers use it; they keep their own logic and leave threads, coalescing and stopping to the worker.
 *
 * <ul>
 * <li>All rounds run on the one thread, so two rounds never overlap.</li>
 * <li>Wake-ups coalesce: however often {@link #wakeUp()} is called while a wake-up round is queued, it runs
 *     once. A wake-up while stopped does nothing; the next start sweeps.</li>
 * <li>A round that throws a {@link RuntimeException} is logged and retried at the next sweep; the worker
 *     keeps running.</li>
 * <li>{@link #stop()} does not wait for a round in progress (it may be stuck on an unreachable store);
 *     {@link #stop(Duration)} runs one last sweep and waits for it, bounded. Either way the worker can be
 *     started again, as a paused and restarted application context does.</li>
 * </ul>
 *
 * <pre>{@code
 * BackgroundWorker worker = new BackgroundWorker("outbox-relay", this::relayPending);
 * worker.start(Duration.ofSeconds(2));  // sweeps now, then every 2 s
 * worker.wakeUp();                      // after a command stored events
 * worker.stop(Duration.ofSeconds(10));  // on shutdown: one last sweep, at most 10 s
 * }</pre>
 */
public final class BackgroundWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorker.class);

    private final String name;
    private final Runnable sweep;
    private final Runnable wakeUpRound;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    /** Guards starting and stopping only, so that stopping never waits for a round in progress. */
    private final Object lifecycle = new Object();
    private volatile ScheduledExecutorService executor;

    /**
     * A worker whose wake-ups run the same round as its sweeps.
     *
     * @param name  the thread's name, also used in log lines
     * @param round one round of work; runs until it has nothing left or gives up
     */
    public BackgroundWorker(String name, Runnable round) {
        this(name, round, round);
    }

    /**
     * A worker whose wake-ups run a cheaper round than its sweeps, e.g. one that relays only what the
     * wake-up named while the sweep looks for everything pending.
     *
     * @param name        the thread's name, also used in log lines
     * @param sweep       the round run at every interval
     * @param wakeUpRound the round run after {@link #wakeUp()}
     */
    public BackgroundWorker(String name, Runnable sweep, Runnable wakeUpRound) {
        this.name = Objects.requireNonNull(name, "name");
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.wakeUpRound = Objects.requireNonNull(wakeUpRound, "wakeUpRound");
    }

    /** Sweeps now and then every {@code interval} (from the end of one sweep to the start of the next). */
    public void start(Duration interval) {
        start(Duration.ZERO, interval);
    }

    /**
     * Sweeps after {@code initialDelay} and then every {@code interval}; does nothing when already running.
     */
    public void start(Duration initialDelay, Duration interval) {
        synchronized (lifecycle) {
            if (executor != null) {
                return;
            }
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            wakeUpQueued.set(false);
            started.scheduleWithFixedDelay(() -> runSafely(sweep), initialDelay.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            executor = started;
        }
    }

    /** Runs the wake-up round soon, once for any number of calls until it starts; ignored while stopped. */
    public void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running == null || !wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        if (!submit(running, () -> {
            wakeUpQueued.set(false);
            runSafely(wakeUpRound);
        })) {
            wakeUpQueued.set(false);
        }
    }

    /**
     * Runs a one-off task on the worker's thread, after the rounds already queued; not coalesced. A task that
     * throws is logged like a round.
     *
     * @return {@code false} if the worker is stopped (the task is dropped)
     */
    public boolean execute(Runnable task) {
        ScheduledExecutorService running = executor;
        return running != null && submit(running, () -> runSafely(task));
    }

    /** Stops at once, without waiting for a round in progress (it is interrupted). */
    public void stop() {
        ScheduledExecutorService stopping = detach();
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    /**
     * Runs one last sweep (after the rounds already queued) and waits for it at most {@code timeout}; a round
     * still running then is interrupted.
     *
     * @return {@code true} if the last sweep finished in time (or the worker was not running)
     */
    public boolean stop(Duration timeout) {
        ScheduledExecutorService stopping = detach();
        if (stopping == null) {
            return true;
        }
        submit(stopping, () -> runSafely(sweep));
        stopping.shutdown();
        try {
            if (stopping.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping.shutdownNow();
        return false;
    }

    /** @return whether the worker was started and not stopped since */
    public boolean isRunning() {
        return executor != null;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private ScheduledExecutorService detach() {
        synchronized (lifecycle) {
            ScheduledExecutorService running = executor;
            executor = null;
            return running;
        }
    }

    private static boolean submit(ScheduledExecutorService executor, Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shutting down
        }
    }

    private void runSafely(Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: a round failed, retrying at the next sweep: {}", name, e.toString());
        }
    }
}
