package nrw.kinetz.reporting.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.aggregate.AggregateEventTypes;
import nrw.kinetz.model.aggregate.AggregateUpdated;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;

/**
 * Publishes the feed to the compacted topic {@code laki.aggregates.v1}: every entry as
 * {@code nrw.ki.aggregate.updated.v1}, key = aggregate key, exact numbers (docs/architecture.md#reading-api). It is derived from
 * the feed and remembers how far it got in the store, so there is no dual write: after a crash it publishes
 * again from its last saved position, with the same {@code ce_id} per entry (derived from the sequence), and
 * an entry published twice carries the same value — harmless on a compacted topic and recognisable by id.
 * Only the lease holder publishes, so the topic receives the feed's order.
 *
 * <p>Entries the local feed relay has just appended are handed over and published from memory when they
 * continue where the topic stands; the feed is read only when they do not (after a start, a gap, or entries
 * this instance did not append) and at every sweep. Its position is read from the store when it takes the
 * lease and kept in memory while it holds it.
 */
public final class KafkaAggregatesRelay implements FeedListener, AutoCloseable {

    /** The name its progress is saved under. */
    static final String NAME = Topics.AGGREGATES;

    private static final Logger log = LoggerFactory.getLogger(KafkaAggregatesRelay.class);
    private static final long UNKNOWN = -1;
    /** How many batches of handed-over entries are kept before the rounds read the feed instead. */
    private static final int HANDED_OVER_BATCHES = 4;

    private final Feed feed;
    private final Lease lease;
    private final EventPublisher publisher;
    private final Duration acknowledgementTimeout;
    private final int batchSize;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Guards starting and stopping only, so that stopping never waits for a round stuck on an unreachable store. */
    private final Object lifecycle = new Object();
    /** One round at a time, from the sweep, a wake-up or a drain. */
    private final Object round = new Object();
    private volatile ScheduledExecutorService executor;
    /** Entries handed over by {@link #appended}, not yet published; bounded, the feed has them all anyway. */
    private final Deque<FeedEntry> handedOver = new ArrayDeque<>();
    /** The last sequence on the topic while this instance holds the lease, {@link #UNKNOWN} until read; guarded by round. */
    private long published = UNKNOWN;

    KafkaAggregatesRelay(Feed feed, Lease lease, EventPublisher publisher, Duration acknowledgementTimeout, int batchSize) {
        this.feed = feed;
        this.lease = lease;
        this.publisher = publisher;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.batchSize = batchSize;
    }

    /** Publishes every {@code interval} and whenever the feed grew, until {@link #stop()}; restartable. */
    void start(Duration interval) {
        synchronized (lifecycle) {
            if (executor != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "aggregates-topic-relay");
                thread.setDaemon(true);
                return thread;
            });
            scheduled.set(false);
            executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops without waiting for a round in progress; the next start continues from the saved position. */
    void stop() {
        synchronized (lifecycle) {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }

    @Override
    public void appended(List<FeedEntry> entries) {
        synchronized (handedOver) {
            if (handedOver.size() + entries.size() > HANDED_OVER_BATCHES * batchSize) {
                handedOver.clear(); // falling behind (or stopped): the rounds read the feed instead
            }
            handedOver.addAll(entries);
        }
        ScheduledExecutorService running = executor;
        if (running != null && scheduled.compareAndSet(false, true)) {
            try {
                running.execute(this::runSafely);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    /** @return the number of entries published by one round */
    int publishOnce() {
        synchronized (round) {
            return publishOneBatch();
        }
    }

    private int publishOneBatch() {
        boolean held = lease.held();
        if (!lease.acquire()) {
            published = UNKNOWN;
            return 0;
        }
        if (!held || published == UNKNOWN) {
            published = feed.progress(NAME); // another holder may have moved it
        }
        List<FeedEntry> entries = handedOverAfter(published);
        if (entries.isEmpty()) {
            entries = feed.after(published, batchSize);
        }
        if (entries.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        entries.forEach(entry -> sends.add(publisher.publish(event(entry))));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS).join();
        long last = entries.get(entries.size() - 1).sequence();
        feed.saveProgress(NAME, last);
        published = last;
        return entries.size();
    }

    /** @return the handed-over entries that continue right after {@code sequence}, at most a batch; empty if none do */
    private List<FeedEntry> handedOverAfter(long sequence) {
        synchronized (handedOver) {
            while (!handedOver.isEmpty() && handedOver.peekFirst().sequence() <= sequence) {
                handedOver.pollFirst();
            }
            List<FeedEntry> run = new ArrayList<>();
            long next = sequence + 1;
            for (FeedEntry entry : handedOver) {
                if (entry.sequence() != next || run.size() == batchSize) {
                    break;
                }
                run.add(entry);
                next++;
            }
            return run;
        }
    }

    private boolean handedOverPending() {
        synchronized (handedOver) {
            return !handedOver.isEmpty();
        }
    }

    /** The event of one feed entry; its id is derived from the sequence, so a re-publication keeps it. */
    static EventEnvelope<AggregateUpdated> event(FeedEntry entry) {
        AggregateUpdated payload = new AggregateUpdated(entry.key(), entry.measure(), entry.period(), entry.dimensions(),
                entry.values(), entry.cursor(), entry.recordedAt().atOffset(ZoneOffset.UTC));
        UUID id = UUID.nameUUIDFromBytes(("reporting/feed/" + entry.sequence()).getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope<>(id, EventSource.service("reporting"), AggregateEventTypes.UPDATED,
                entry.recordedAt().atOffset(ZoneOffset.UTC), entry.key(), payload);
    }

    private void runSafely() {
        scheduled.set(false);
        try {
            int count;
            do {
                count = publishOnce();
                // a full batch, or more handed over meanwhile: there is more; otherwise the topic has caught up
            } while (count == batchSize || (count > 0 && handedOverPending()));
        } catch (RuntimeException e) {
            log.warn("publishing aggregates to {} failed; retrying at the next round: {}", NAME, e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
