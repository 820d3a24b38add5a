package nrw.kinetz.reporting.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.feed.FeedCursor;

/**
 * One connected client of {@code /api/v1/live}: what it still has to receive, and the sending.
 *
 * <p><b>Conflation.</b> Pending events are kept per key (an aggregate, or a table): a newer value replaces the
 * one not yet sent, so a slow client gets the latest value per key instead of an ever-growing queue. The
 * buffer is bounded by the number of distinct keys; past the bound the stream is closed, and the client,
 * reconnecting with its {@code Last-Event-ID}, is served from the feed — nothing is lost, memory stays bounded.
 *
 * <p><b>Ids.</b> Events go out in cursor order. An event carries the {@code id} only if no other pending event
 * has the same cursor, so a client that has id {@code n} has everything up to feed entry {@code n}; on
 * reconnect it gets every change after {@code n} again (values are whole, not differences, so a superseded
 * value that was never sent is not missed).
 *
 * <p><b>Replay.</b> A client that resumes first gets what it missed, read from the feed page by page as it
 * consumes (pull, so a client far behind cannot fill memory), then live events, which wait in the buffer
 * until the replay has passed them.
 *
 * <p><b>Slow writers.</b> A write that does not finish in time (the client stopped reading) ends the stream at once
 * ({@link #abandonIfWritingSince}): the client no longer counts, and its sender thread is interrupted, so it is not
 * held until the web server's own write timeout.
 */
public final class Subscriber {

    /** Reads the next replay page for a subscriber and hands it to {@link #offer} and {@link #replayedThrough}. */
    public interface Replayer {
        void nextPage(Subscriber subscriber);
    }

    /** At most this many events go out in one write (and one flush) to the client. */
    public static final int MAX_FRAMES_PER_WRITE = 64;

    /** Below this many sendable events the next replay page is read. */
    public static final int REPLAY_LOW_WATER = 50;

    private final LiveFilter filter;
    private final boolean exact;
    private final Sink sink;
    private final int capacity;
    private final Executor sender;
    private final Replayer replayer;
    private final Consumer<Subscriber> onClose;

    private final Map<String, Pending> byKey = new HashMap<>();
    private final TreeSet<Pending> queue = new TreeSet<>(Comparator.comparingLong(Pending::cursor).thenComparingLong(Pending::order));
    private final Set<Period> replayTables = new LinkedHashSet<>();
    private long order;
    /** Events up to this cursor are sendable; beyond it they wait for the replay. */
    private long frontier = Long.MAX_VALUE;
    private long replayUntil;
    private boolean replaying;
    private final long floor;
    private boolean heartbeatDue;
    private boolean draining;
    private boolean closed;
    /** The sender thread writing to this client now, and since when ({@link System#nanoTime()}). */
    private Thread writer;
    private long writingSince;
    private boolean abandoned;

    /**
     * @param after    the cursor the client has everything up to, or {@link FeedCursor#START}; nothing at or
     *                 before it is sent
     * @param capacity the most distinct keys kept for a client that does not read
     * @param sender   the threads that write to clients
     * @param onClose  told once when the stream ends
     */
    public Subscriber(LiveFilter filter, boolean exact, Sink sink, long after, int capacity, Executor sender, Replayer replayer,
            Consumer<Subscriber> onClose) {
        this.filter = filter;
        this.exact = exact;
        this.sink = sink;
        this.floor = after;
        this.capacity = capacity;
        this.sender = sender;
        this.replayer = replayer;
        this.onClose = onClose;
    }

    private record Pending(String key, long cursor, String event, String data, long order) {
    }

    public LiveFilter filter() {
        return filter;
    }

    public boolean exact() {
        return exact;
    }

    /** Replays the feed after the subscriber's cursor up to {@code until}, before anything later. */
    public synchronized void replayUntil(long until) {
        if (until > floor) {
            replaying = true;
            frontier = floor;
            replayUntil = until;
        }
    }

    /** @return the cursor the replay has read up to, while it is running */
    public synchronized long replayPosition() {
        return frontier;
    }

    public synchronized long replayEnd() {
        return replayUntil;
    }

    public synchronized boolean replaying() {
        return replaying;
    }

    /** Notes a table the replay touched; it is sent once, current, when the replay ends. */
    public synchronized void replayTouched(Period table) {
        replayTables.add(table);
    }

    /**
     * Moves the replay on. At its end, returns the tables it touched (to be sent with cursor
     * {@link #replayEnd()}); live events waiting behind it become sendable.
     */
    public synchronized Set<Period> replayedThrough(long cursor) {
        if (!replaying) {
            return Set.of();
        }
        if (cursor < replayUntil) {
            frontier = cursor;
            return Set.of();
        }
        replaying = false;
        frontier = Long.MAX_VALUE;
        Set<Period> tables = new LinkedHashSet<>(replayTables);
        replayTables.clear();
        return tables;
    }

    /** Queues an event, replacing a pending one of the same key unless that is newer. */
    public void offer(String key, long cursor, String event, String data) {
        boolean overflow;
        synchronized (this) {
            if (closed || cursor <= floor) {
                return;
            }
            Pending old = byKey.get(key);
            if (old != null) {
                if (old.cursor() > cursor) {
                    return;
                }
                queue.remove(old);
            }
            Pending pending = new Pending(key, cursor, event, data, order++);
            byKey.put(key, pending);
            queue.add(pending);
            overflow = byKey.size() > capacity;
        }
        if (overflow) {
            close();
        } else {
            schedule();
        }
    }

    /** A comment goes out if nothing else does before it. */
    public void heartbeat() {
        synchronized (this) {
            heartbeatDue = true;
        }
        schedule();
    }

    /** Makes sure the sender works on this client, once. */
    public void schedule() {
        synchronized (this) {
            if (draining || closed) {
                return;
            }
            draining = true;
        }
        try {
            sender.execute(this::drain);
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            byKey.clear();
            queue.clear();
        }
        try {
            sink.close();
        } finally {
            onClose.accept(this);
        }
    }

    /**
     * Ends the stream if a write to the client started before {@code deadline} ({@link System#nanoTime()}) and is
     * still going on; the writing thread is interrupted and closes the sink once the write has given up.
     */
    public void abandonIfWritingSince(long deadline) {
        synchronized (this) {
            if (closed || writer == null || writingSince - deadline > 0) {
                return;
            }
            closed = true;
            abandoned = true;
            byKey.clear();
            queue.clear();
            // Under the lock: the writer clears its interrupt under it too, so no other client's write is hit.
            writer.interrupt();
        }
        onClose.accept(this);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** @return the number of keys waiting */
    public synchronized int pending() {
        return byKey.size();
    }

    private void drain() {
        while (true) {
            boolean needPage;
            synchronized (this) {
                if (closed) {
                    draining = false;
                    return;
                }
                needPage = replaying && queue.headSet(new Pending("", frontier, null, null, Long.MAX_VALUE), true).size() < REPLAY_LOW_WATER;
            }
            if (needPage) {
                try {
                    replayer.nextPage(this);
                } catch (RuntimeException e) {
                    // The store failed mid-replay: end the stream; the client resumes from its last id.
                    close();
                    return;
                }
                continue;
            }
            List<Frame> frames = new ArrayList<>();
            synchronized (this) {
                while (frames.size() < MAX_FRAMES_PER_WRITE) {
                    Pending next = queue.isEmpty() ? null : queue.first();
                    if (next == null || next.cursor() > frontier) {
                        break;
                    }
                    queue.pollFirst();
                    byKey.remove(next.key());
                    boolean lastOfItsCursor = queue.isEmpty() || queue.first().cursor() != next.cursor();
                    frames.add(new Frame(lastOfItsCursor ? FeedCursor.format(next.cursor()) : null, next.event(), next.data(), null));
                }
                if (frames.isEmpty()) {
                    if (!heartbeatDue) {
                        draining = false;
                        return;
                    }
                    frames.add(Frame.comment("heartbeat"));
                }
                heartbeatDue = false;
            }
            synchronized (this) {
                writer = Thread.currentThread();
                writingSince = System.nanoTime();
            }
            boolean failed = false;
            try {
                sink.send(frames);
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
            boolean wasAbandoned;
            synchronized (this) {
                writer = null;
                wasAbandoned = abandoned;
                // The interrupt was meant for the write; the pool thread goes on with other clients.
                Thread.interrupted();
            }
            if (wasAbandoned) {
                sink.close();
                synchronized (this) {
                    draining = false;
                }
                return;
            }
            if (failed) {
                close();
                return;
            }
        }
    }
}
