package nrw.kinetz.reporting.activity.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.store.ExclusiveReplayStore;

/**
 * Rebuilds the activities read model from {@code ki.activities.v1} (docs/architecture.md#rebuild) into a new generation of
 * collections and switches every instance to it through the shared pointer document when it has caught up — no
 * renames (§5).
 *
 * <ol>
 * <li>The next generation is filled from the start of the topic, never past what the live listeners have
 * kept, so it never knows something the live generation does not. Its changes are not announced: they
 * repeat what the feed has said. It is written by the replay alone ({@link ExclusiveReplayStore}).</li>
 * <li>When it has caught up, the pointer announces the handover: the live listener of every instance stops
 * writing the old generation ({@link LiveIngestion}). Once the old generation's consumer group has no member
 * left, its kept positions stop moving; the replay reads exactly up to them. Both generations now reflect the
 * same records.</li>
 * <li>What the old generation still had marked is relayed to the feed (by this instance or the one holding the
 * feed lease), the pointer is switched, and every instance's live listener starts on the new generation from
 * the replay's kept positions; then the old collections are dropped.</li>
 * </ol>
 * Live events wait only during step 2 and 3 (seconds); queries are answered throughout, by the old
 * generation until the switch. If anything fails, the handover is cancelled, the live listeners go back to
 * the old generation and the new one is dropped. One rebuild at a time across all instances: it holds a
 * lease in the store while it runs.
 */
public final class ActivityRebuild {

    public enum State {
        IDLE, REPLAYING, SWITCHING, DONE, FAILED
    }

    /**
     * @param state            where the rebuild stands
     * @param activeGeneration the generation answering queries now
     * @param targetGeneration the generation being built, or {@code null} when idle
     * @param replayedEvents   activity events replayed so far
     * @param startedAt        when the last rebuild started, or {@code null}
     * @param finishedAt       when it finished or failed, or {@code null}
     * @param error            why it failed, or {@code null}
     */
    public record Status(State state, int activeGeneration, Integer targetGeneration, long replayedEvents, Instant startedAt,
            Instant finishedAt, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ActivityRebuild.class);

    /** Activity ids a replay keeps in memory (about 64 bytes each) before it asks the store for every lookup. */
    public static final int REMEMBERED_ACTIVITIES = 1_000_000;

    /** Cells whose writes a replay holds back and merges (a few hundred bytes each) before it writes them. */
    public static final int PENDING_CELLS = 200_000;

    /** The longest a handover waits for the other instances' listeners to leave the old generation's group. */
    public static final Duration HANDOVER_TIMEOUT = Duration.ofMinutes(2);

    private final ActivityReadModel model;
    private final ActivityTopic topic;
    private final LiveIngestion ingestion;
    private final Runnable announcePending;
    private final Lease lease;
    private final Consumer<Generation> drop;
    private final Clock clock;
    private final Executor executor;
    private final AtomicLong replayed = new AtomicLong();
    private volatile State state = State.IDLE;
    private volatile Generation target;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    /**
     * @param announcePending relays to the feed what the old generation has marked, once nobody writes it
     * @param lease           held by the instance whose rebuild runs
     * @param drop            removes a generation's collections
     * @param executor        runs the rebuild in the background
     */
    public ActivityRebuild(ActivityReadModel model, ActivityTopic topic, LiveIngestion ingestion, Runnable announcePending,
            Lease lease, Consumer<Generation> drop, Clock clock, Executor executor) {
        this.model = model;
        this.topic = topic;
        this.ingestion = ingestion;
        this.announcePending = announcePending;
        this.lease = lease;
        this.drop = drop;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws IllegalStateException if one is running, here or on another instance
     */
    public synchronized Status start() {
        if (state == State.REPLAYING || state == State.SWITCHING) {
            throw new IllegalStateException("a rebuild into generation " + target.number() + " is running since " + startedAt);
        }
        if (!lease.acquire()) {
            throw new IllegalStateException("a rebuild is running on another instance");
        }
        Generation from = model.activeGeneration();
        target = from.next();
        state = State.REPLAYING;
        replayed.set(0);
        startedAt = clock.instant();
        finishedAt = null;
        error = null;
        executor.execute(() -> run(from, target));
        return status();
    }

    public Status status() {
        boolean running = state == State.REPLAYING || state == State.SWITCHING;
        return new Status(state, model.activeGeneration().number(), running && target != null ? target.number() : null,
                replayed.get(), startedAt, finishedAt, error);
    }

    private void run(Generation from, Generation next) {
        boolean handingOver = false;
        try {
            drop.accept(next); // leftovers of an earlier attempt
            model.forget(next);
            ExclusiveReplayStore store = new ExclusiveReplayStore(model.store(next, false), REMEMBERED_ACTIVITIES, PENDING_CELLS);
            ActivityProjection projection = new ActivityProjection(store);
            Consumer<java.util.List<ActivityFact>> sink = facts -> {
                projection.apply(facts);
                replayed.addAndGet(facts.size());
            };
            String liveGroup = ingestion.groupId(from);
            try (ActivityTopic.Replay replay = topic.replay(ingestion.groupId(next))) {
                replay.catchUp(() -> {
                    renewLease();
                    return topic.committed(liveGroup);
                }, sink);
                store.flush();
                state = State.SWITCHING;
                model.beginHandover(next);
                handingOver = true;
                ingestion.follow();
                awaitNoLiveListener(liveGroup);
                Map<Integer, Long> last = topic.committed(liveGroup);
                replay.catchUp(() -> last, sink);
                // the generation goes live below: everything it read must be in its cells first
                store.flush();
            }
            renewLease();
            announcePending.run();
            model.activate(next);
            handingOver = false;
            ingestion.follow();
            drop.accept(from);
            model.forget(from);
            finish(State.DONE, null);
            log.info("activities read model rebuilt into {} from {} events", next, replayed.get());
        } catch (RuntimeException e) {
            log.error("rebuilding the activities read model into {} failed", next, e);
            try {
                if (handingOver) {
                    model.cancelHandover();
                    ingestion.follow();
                }
                if (!model.activeGeneration().equals(next)) {
                    drop.accept(next);
                    model.forget(next);
                }
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            finish(State.FAILED, e.toString());
        }
    }

    /**
     * Waits until no instance's live listener is a member of the old generation's group: only then do its kept
     * positions stop moving.
     */
    private void awaitNoLiveListener(String group) {
        long deadline = System.nanoTime() + HANDOVER_TIMEOUT.toNanos();
        while (topic.hasMembers(group)) {
            renewLease();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("live listeners still consume as " + group + " after " + HANDOVER_TIMEOUT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the handover", e);
            }
        }
    }

    private void renewLease() {
        if (!lease.acquire()) {
            throw new IllegalStateException("lost the rebuild lease to another instance");
        }
    }

    private synchronized void finish(State outcome, String why) {
        lease.release();
        state = outcome;
        error = why;
        finishedAt = clock.instant();
    }
}
