package nrw.kinetz.reporting.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.infra.lease.Lease;

/**
 * Moves changed aggregates from their read model into the feed: reads the marked documents, appends their
 * values to the feed, then clears the marks (docs/architecture.md#outbox — the read model's write and its announcement
 * are one document, so a crash loses nothing; a change appended but not yet cleared is recognised by its id
 * and not appended twice). It runs on the instance that holds the {@link Lease}: when the local listener
 * wrote something — handing over the changes it wrote ({@link #handOver(Collection, long)}), or naming the
 * aggregates ({@link #wakeUp(Collection)}, which are then read by key) — and every sweep interval, for what other
 * instances or a crash left (read by their marks).
 *
 * <p>A change handed over costs the store two round trips on its way into the feed, the counter and the insert: it is
 * not read back; it is not looked for in the feed if this instance has held the lease without a break since before
 * it was written (nobody else can have appended it, and what this instance's own sweeps appended is remembered); and
 * its mark is left for the next sweep to clear, together with every other mark of that interval, after the sweep has
 * found it in the feed.
 */
public final class FeedRelay implements AutoCloseable {

    /** The most named aggregates remembered; beyond it they are left to the sweep. */
    public static final int MAX_NAMED = 100_000;

    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);

    private final ChangeSource source;
    private final Feed feed;
    private final Lease lease;
    private final Supplier<List<FeedListener>> listeners;
    private final Clock clock;
    private final int batchSize;
    /** Aggregates a wake-up named and no round has read yet; guards {@link #handed} as well. */
    private final Set<String> hinted = new LinkedHashSet<>();
    /** Changes handed over and not relayed yet: the newest of each aggregate, by origin and key. */
    private final Map<String, Handed> handed = new LinkedHashMap<>();
    /**
     * The newest revision of each aggregate that a round by marks or by key put into the feed (or found there) during
     * the current {@link #term}, so that the same change handed over afterwards is not appended again.
     */
    private final Map<String, Long> relayedByReading = new HashMap<>();
    /** Counts the times this instance took the lease after not holding it; see {@link #term()}. */
    private volatile long term;
    /** One round at a time, from the sweep, a wake-up or a drain. */
    private final Object round = new Object();
    private final BackgroundWorker worker = new BackgroundWorker("feed-relay", this::sweep, this::relayNamed);

    /**
     * @param listeners told about every appended batch (live streams, the topic relay); a supplier, because
     *                  they need the feed themselves and are created after the relay
     */
    public FeedRelay(ChangeSource source, Feed feed, Lease lease, Supplier<List<FeedListener>> listeners, Clock clock,
            int batchSize) {
        this.source = source;
        this.feed = feed;
        this.lease = lease;
        this.listeners = listeners;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sweeps every {@code interval} from now on, until {@link #stop()}; may be started again after that. */
    public void start(Duration interval) {
        worker.start(interval);
    }

    /**
     * Stops sweeping without waiting for a round in progress; what is pending stays marked and is relayed after
     * the next start (here or on another instance).
     */
    public void stop() {
        worker.stop();
    }

    /**
     * These aggregates were written: relay them soon, once, however often this is called meanwhile. The next
     * rounds read them by key; only the sweep looks for marks it was not told about.
     */
    public void wakeUp(Collection<String> keys) {
        synchronized (hinted) {
            forgetNamedIfBeyond(keys.size());
            hinted.addAll(keys);
        }
        worker.wakeUp();
    }

    /**
     * These changes were written, each still marked in its read model: relay them soon as they are, without
     * reading them back. A later change of the same aggregate replaces an earlier one not yet relayed (the feed
     * carries values, not differences), and one that a sweep has relayed meanwhile is dropped.
     */
    public void handOver(Collection<Change> changes, long writtenInTerm) {
        synchronized (hinted) {
            forgetNamedIfBeyond(changes.size());
            for (Change change : changes) {
                Long relayed = relayedByReading.get(slot(change));
                if (relayed == null || relayed < change.revision()) {
                    handed.merge(slot(change), new Handed(change, writtenInTerm),
                            (earlier, later) -> later.change().revision() >= earlier.change().revision() ? later : earlier);
                }
            }
        }
        worker.wakeUp();
    }

    /**
     * @return the lease term a writer asks for before it writes the changes it will hand over: if the lease is still
     *         held in the same term when they are relayed, nobody else can have appended them
     */
    public long term() {
        return lease.held() ? term : NO_TERM;
    }

    private static final long NO_TERM = -1;

    /** A change handed over, and the term it was written in. */
    private record Handed(Change change, long term) {
    }

    private void forgetNamedIfBeyond(int more) {
        if (hinted.size() + handed.size() + more > MAX_NAMED) {
            // not relaying (stopped, or far behind): the sweep finds them by their marks
            hinted.clear();
            handed.clear();
        }
        if (relayedByReading.size() + more > MAX_NAMED) {
            relayedByReading.clear();
            term++; // what was handed over in this term may now be in the feed unremembered: look for it
        }
    }

    /** Takes or renews the lease; a new term starts when it was not held before. */
    private boolean acquire() {
        boolean had = lease.held();
        if (!lease.acquire()) {
            return false;
        }
        if (!had) {
            synchronized (hinted) {
                term++;
                relayedByReading.clear();
            }
        }
        return true;
    }

    private static String slot(Change change) {
        return change.origin() + "/" + change.key();
    }

    /**
     * Relays until nothing is pending, on the calling thread. A rebuild calls this before it switches
     * generations, so that nothing the old generation announced is left behind.
     *
     * @return the number of changes relayed
     * @throws IllegalStateException if this instance cannot hold the lease
     */
    public int drain() {
        if (!acquire()) {
            throw new IllegalStateException("another instance holds the feed lease; it relays what is pending");
        }
        int relayed = relayNamed();
        int last;
        do {
            last = relayOnce();
            relayed += last;
        } while (last > 0);
        return relayed;
    }

    /**
     * Makes sure that nothing {@code of} has marked is left unrelayed, on any instance: relays it here if this
     * instance can hold the lease ({@link #drain()}), else waits until the holder's sweep has relayed it. A rebuild
     * calls this when no instance writes the old generation any more, so what is marked there only decreases.
     *
     * @throws IllegalStateException if the holder has not relayed it within {@code timeout}
     */
    public void drainOrAwait(ChangeSource of, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acquire()) {
            if (of.pending(1).isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the instance holding the feed lease has not relayed the pending changes within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the feed relay", e);
            }
        }
        drain();
    }

    /** @return the number of changes one round by marks (a sweep's round, at most a batch) relayed */
    public int relayOnce() {
        synchronized (round) {
            return relayOneBatch(true);
        }
    }

    /** Relays what wake-ups named, a batch at a time, until nothing named is left; @return the changes relayed */
    private int relayNamed() {
        int relayed = 0;
        while (hintsPending()) {
            synchronized (round) {
                relayed += relayOneBatch(false);
            }
        }
        return relayed;
    }

    /**
     * @param byMarks {@code true} for a sweep (every marked aggregate, up to a batch), {@code false} for the
     *                aggregates wake-ups named (up to a batch of them)
     * @return the number of changes relayed
     */
    private int relayOneBatch(boolean byMarks) {
        if (!acquire()) {
            // The holder's sweep finds them by their marks.
            synchronized (hinted) {
                hinted.clear();
                handed.clear();
            }
            return 0;
        }
        List<Change> read;
        List<Change> pending = new ArrayList<>();
        Set<String> absent = new HashSet<>();
        if (byMarks) {
            read = source.pending(batchSize);
        } else {
            long now = term;
            for (Handed change : takeHanded()) {
                pending.add(change.change());
                if (change.term() == now) {
                    absent.add(change.change().changeId());
                }
            }
            List<String> keys = takeHinted(batchSize - pending.size());
            read = keys.isEmpty() ? List.of() : source.pending(keys);
        }
        pending.addAll(read);
        if (pending.isEmpty()) {
            return 0;
        }
        List<FeedEntry> appended = feed.append(pending, absent, clock.instant());
        rememberRelayed(read);
        // Listeners first: clearing the marks is bookkeeping, and a crash before it appends nothing twice.
        if (!appended.isEmpty()) {
            for (FeedListener listener : listeners.get()) {
                try {
                    listener.appended(appended);
                } catch (RuntimeException e) {
                    log.warn("feed listener {} failed on {} entries", listener.getClass().getSimpleName(), appended.size(), e);
                }
            }
        }
        // The marks of changes handed over stay for the next sweep, which clears them all in one write per batch.
        source.fed(read);
        return pending.size();
    }

    /** @return up to {@code limit} of the aggregates wake-ups named, removed from what is still to read */
    private List<String> takeHinted(int limit) {
        synchronized (hinted) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = hinted.iterator(); it.hasNext() && keys.size() < limit; ) {
                keys.add(it.next());
                it.remove();
            }
            return keys;
        }
    }

    /** @return up to a batch of the changes handed over, removed from what is still to relay */
    private List<Handed> takeHanded() {
        synchronized (hinted) {
            List<Handed> changes = new ArrayList<>();
            for (Iterator<Handed> it = handed.values().iterator(); it.hasNext() && changes.size() < batchSize; ) {
                changes.add(it.next());
                it.remove();
            }
            return changes;
        }
    }

    /**
     * What a round read from the read model is in the feed now and the newest of its aggregates: a change of the same
     * or an older revision handed over before must not follow it, and one handed over later is dropped.
     */
    private void rememberRelayed(List<Change> read) {
        if (read.isEmpty()) {
            return;
        }
        synchronized (hinted) {
            forgetNamedIfBeyond(read.size());
            for (Change change : read) {
                relayedByReading.merge(slot(change), change.revision(), Math::max);
                handed.computeIfPresent(slot(change),
                        (slot, waiting) -> waiting.change().revision() <= change.revision() ? null : waiting);
            }
        }
    }

    private boolean hintsPending() {
        synchronized (hinted) {
            return !hinted.isEmpty() || !handed.isEmpty();
        }
    }

    /**
     * Every sweep interval: what was named, then every marked aggregate — another instance's, or a crash's. A
     * failure leaves the marks, which the next sweep finds.
     */
    private void sweep() {
        relayNamed();
        while (relayOnce() == batchSize) {
            // a full batch: there may be more; a short one was everything marked when it was read
        }
    }

    @Override
    public void close() {
        stop();
    }
}
