package nrw.kinetz.reporting.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nrw.kinetz.reporting.feed.FeedRelay;

/**
 * Rebuilds the activities read model from {@code ki.activities.v1} (docs/architecture.md#rebuild) into a new generation of
 * collections and switches to it through the pointer document when it has caught up — no renames (§5).
 *
 * <ol>
 * <li>The next generation is filled from the start of the topic, never past what the live listener has
 * committed, so it never knows something the live generation does not. Its changes are not announced: they
 * repeat what the feed has said. It is written by the replay alone ({@link ExclusiveReplayStore}).</li>
 * <li>When it has caught up, the live listener is stopped, so its committed offsets stop moving; the replay
 * reads exactly up to them. Both generations now reflect the same records.</li>
 * <li>The feed relay drains what the old generation still had pending, the pointer is switched, and the live
 * listener starts on the new generation from the replay's committed offsets; then the old collections are
 * dropped.</li>
 * </ol>
 * Live events wait only during step 2 and 3 (seconds); queries are answered throughout, by the old
 * generation until the switch. If anything fails, the live listener goes back to the old generation and the
 * new one is dropped. One rebuild at a time, on one instance: other instances would have to stop their
 * listeners too, which this does not coordinate.
 */
final class ActivityRebuild {

    enum State {
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
    record Status(State state, int activeGeneration, Integer targetGeneration, long replayedEvents, Instant startedAt,
            Instant finishedAt, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ActivityRebuild.class);

    /** Activity ids a replay keeps in memory (about 64 bytes each) before it asks the store for every lookup. */
    static final int REMEMBERED_ACTIVITIES = 1_000_000;

    private final ActivityReadModel model;
    private final ActivityTopic topic;
    private final LiveIngestion ingestion;
    private final FeedRelay relay;
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
     * @param drop     removes a generation's collections
     * @param executor runs the rebuild in the background
     */
    ActivityRebuild(ActivityReadModel model, ActivityTopic topic, LiveIngestion ingestion, FeedRelay relay,
            Consumer<Generation> drop, Clock clock, Executor executor) {
        this.model = model;
        this.topic = topic;
        this.ingestion = ingestion;
        this.relay = relay;
        this.drop = drop;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws IllegalStateException if one is running
     */
    synchronized Status start() {
        if (state == State.REPLAYING || state == State.SWITCHING) {
            throw new IllegalStateException("a rebuild into generation " + target.number() + " is running since " + startedAt);
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

    Status status() {
        boolean running = state == State.REPLAYING || state == State.SWITCHING;
        return new Status(state, model.activeGeneration().number(), running && target != null ? target.number() : null,
                replayed.get(), startedAt, finishedAt, error);
    }

    private void run(Generation from, Generation next) {
        boolean liveStopped = false;
        try {
            drop.accept(next); // leftovers of an earlier attempt
            model.forget(next);
            ActivityProjection projection = new ActivityProjection(
                    new ExclusiveReplayStore(model.store(next, false), REMEMBERED_ACTIVITIES));
            Consumer<java.util.List<ActivityFact>> sink = facts -> {
                projection.apply(facts);
                replayed.addAndGet(facts.size());
            };
            String liveGroup = ingestion.groupId(from);
            try (ActivityTopic.Replay replay = topic.replay(ingestion.groupId(next))) {
                replay.catchUp(() -> topic.committed(liveGroup), sink);
                state = State.SWITCHING;
                ingestion.stop();
                liveStopped = true;
                Map<Integer, Long> last = topic.committed(liveGroup);
                replay.catchUp(() -> last, sink);
            }
            relay.drain();
            model.activate(next);
            ingestion.start(next);
            liveStopped = false;
            drop.accept(from);
            model.forget(from);
            finish(State.DONE, null);
            log.info("activities read model rebuilt into {} from {} events", next, replayed.get());
        } catch (RuntimeException e) {
            log.error("rebuilding the activities read model into {} failed", next, e);
            if (liveStopped) {
                ingestion.start(from);
            }
            if (!model.activeGeneration().equals(next)) {
                drop.accept(next);
                model.forget(next);
            }
            finish(State.FAILED, e.toString());
        }
    }

    private synchronized void finish(State outcome, String why) {
        state = outcome;
        error = why;
        finishedAt = clock.instant();
    }
}
