package nrw.kinetz.reporting.feed.adapter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.model.aggregate.AggregateEventTypes;
import nrw.kinetz.model.aggregate.AggregateUpdated;
import nrw.kinetz.model.aggregate.AggregateUpdatedV2;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.feed.FeedEntry;
import nrw.kinetz.reporting.feed.FeedListener;
import nrw.kinetz.infra.lease.Lease;

/**
 * Publishes the feed to the compacted topic {@code laki.aggregates.v1}: every entry of a measure that only counts
 * as {@code nrw.ki.aggregate.updated.v1}, every entry with decimals (programs' money, sites' full-time equivalents)
 * as {@code nrw.ki.aggregate.updated.v2} with the decimals as text; key = aggregate key, exact numbers
 * (docs/architecture.md#reading-api). It is derived from
 * the feed and remembers how far it got in the store, so there is no dual write: after a crash it publishes
 * again from its last saved position, with the same {@code ce_id} per entry (derived from the sequence), and
 * an entry published twice carries the same value — harmless on a compacted topic and recognisable by id.
 * Only the lease holder publishes, so the topic receives the feed's order.
 *
 * <p>Entries the local feed relay has just appended are handed over and published from memory when they
 * continue where the topic stands; the feed is read only when they do not (after a start, a gap, or entries
 * this instance did not append) and at every sweep. Its position is read from the store when it takes the
 * lease and kept in memory while it holds it; it is saved at every sweep and at most every
 * {@link #SAVE_EVERY} between sweeps, not after every round: a crash republishes at most that much, with the same
 * ids and values, and at 1,000 events/s a write after every round was one more store round trip per poll.
 */
public final class KafkaAggregatesRelay implements FeedListener, AutoCloseable {

    /** The name its progress is saved under. */
    public static final String NAME = Topics.AGGREGATES;

    private static final long UNKNOWN = -1;
    /** The longest the saved position lags behind the published one while wake-ups keep the relay busy. */
    static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    /** How many batches of handed-over entries are kept before the rounds read the feed instead. */
    private static final int HANDED_OVER_BATCHES = 4;

    private final Feed feed;
    private final Lease lease;
    private final EventPublisher publisher;
    private final Duration acknowledgementTimeout;
    private final int batchSize;
    private final Duration saveEvery;
    /** One round at a time, from the sweep, a wake-up or a drain. */
    private final Object round = new Object();
    private final BackgroundWorker worker = new BackgroundWorker("aggregates-topic-relay", this::sweep, this::publishPending);
    /** Entries handed over by {@link #appended}, not yet published; bounded, the feed has them all anyway. */
    private final Deque<FeedEntry> handedOver = new ArrayDeque<>();
    /** The last sequence on the topic while this instance holds the lease, {@link #UNKNOWN} until read; guarded by round. */
    private long published = UNKNOWN;
    /** The position last saved or read from the store, {@link #UNKNOWN} until then; guarded by round. */
    private long saved = UNKNOWN;
    /** When it was saved ({@link System#nanoTime()}); guarded by round. */
    private long savedAt;

    public KafkaAggregatesRelay(Feed feed, Lease lease, EventPublisher publisher, Duration acknowledgementTimeout, int batchSize) {
        this(feed, lease, publisher, acknowledgementTimeout, batchSize, SAVE_EVERY);
    }

    /** @param saveEvery the longest the saved position lags behind between sweeps */
    KafkaAggregatesRelay(Feed feed, Lease lease, EventPublisher publisher, Duration acknowledgementTimeout, int batchSize,
            Duration saveEvery) {
        this.saveEvery = saveEvery;
        this.feed = feed;
        this.lease = lease;
        this.publisher = publisher;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.batchSize = batchSize;
    }

    /** Publishes every {@code interval} and whenever the feed grew, until {@link #stop()}; restartable. */
    public void start(Duration interval) {
        worker.start(interval);
    }

    /** Stops without waiting for a round in progress; the next start continues from the saved position. */
    public void stop() {
        worker.stop();
    }

    @Override
    public void appended(List<FeedEntry> entries) {
        synchronized (handedOver) {
            if (handedOver.size() + entries.size() > HANDED_OVER_BATCHES * batchSize) {
                handedOver.clear(); // falling behind (or stopped): the rounds read the feed instead
            }
            handedOver.addAll(entries);
        }
        worker.wakeUp();
    }

    /** @return the number of entries published by one round, whose position is saved before it returns */
    public int publishOnce() {
        synchronized (round) {
            int published = publishOneBatch();
            saveProgress(true);
            return published;
        }
    }

    /** A wake-up's round: the position is saved only if the last save is long enough ago. */
    private int publishRound() {
        synchronized (round) {
            int published = publishOneBatch();
            saveProgress(false);
            return published;
        }
    }

    /** Saves the published position if it moved since the last save and {@code now} or the last save is long enough ago. */
    private void saveProgress(boolean now) {
        if (published == UNKNOWN || published == saved
                || !now && saved != UNKNOWN && System.nanoTime() - savedAt < saveEvery.toNanos()) {
            return;
        }
        feed.saveProgress(NAME, published);
        saved = published;
        savedAt = System.nanoTime();
    }

    private int publishOneBatch() {
        boolean held = lease.held();
        if (!lease.acquire()) {
            published = UNKNOWN;
            saved = UNKNOWN;
            return 0;
        }
        if (!held || published == UNKNOWN) {
            published = feed.progress(NAME); // another holder may have moved it
            saved = published;
            savedAt = System.nanoTime();
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
        published = last;
        dropHandedOverThrough(last);
        return entries.size();
    }

    /** Forgets the handed-over entries the topic has now, so that only newer ones make another round. */
    private void dropHandedOverThrough(long sequence) {
        synchronized (handedOver) {
            while (!handedOver.isEmpty() && handedOver.peekFirst().sequence() <= sequence) {
                handedOver.pollFirst();
            }
        }
    }

    /** @return the handed-over entries that continue right after {@code sequence}, at most a batch; empty if none do */
    private List<FeedEntry> handedOverAfter(long sequence) {
        dropHandedOverThrough(sequence);
        synchronized (handedOver) {
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

    /**
     * The event of one feed entry: version 1 for whole counts only, so that existing consumers keep reading every
     * measure they knew; version 2 where there are decimals. Its id is derived from the sequence, so a
     * re-publication keeps it.
     */
    public static EventEnvelope<?> event(FeedEntry entry) {
        UUID id = UUID.nameUUIDFromBytes(("reporting/feed/" + entry.sequence()).getBytes(StandardCharsets.UTF_8));
        var time = entry.recordedAt().atOffset(ZoneOffset.UTC);
        if (entry.hasDecimals()) {
            Map<String, String> decimals = new LinkedHashMap<>();
            entry.decimals().forEach((metric, value) -> decimals.put(metric, AggregateUpdatedV2.decimal(value)));
            return new EventEnvelope<>(id, EventSource.service("reporting"), AggregateEventTypes.UPDATED_V2, time, entry.key(),
                    new AggregateUpdatedV2(entry.key(), entry.measure(), entry.period(), entry.dimensions(), entry.values(),
                            decimals, entry.cursor(), time));
        }
        return new EventEnvelope<>(id, EventSource.service("reporting"), AggregateEventTypes.UPDATED, time, entry.key(),
                new AggregateUpdated(entry.key(), entry.measure(), entry.period(), entry.dimensions(), entry.values(),
                        entry.cursor(), time));
    }

    /**
     * Publishes until the topic has caught up; a failure is retried at the next round, from the saved position. A
     * round that published what was handed over ends the loop unless more was handed over meanwhile: asking the feed
     * once more would cost the store two reads per round for nothing.
     */
    void publishPending() {
        int count;
        do {
            count = publishRound();
            // a full batch, or more handed over meanwhile: there is more; otherwise the topic has caught up
        } while (count == batchSize || (count > 0 && handedOverPending()));
    }

    /** Every sweep interval: what is pending, and the position saved if it moved. */
    void sweep() {
        publishPending();
        synchronized (round) {
            saveProgress(true);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
