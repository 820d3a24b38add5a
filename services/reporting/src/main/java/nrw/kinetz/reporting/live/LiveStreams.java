package nrw.kinetz.reporting.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;
import nrw.kinetz.reporting.feed.ChangeView;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.feed.FeedEntry;
import nrw.kinetz.reporting.feed.FeedListener;
import nrw.kinetz.infra.lease.Lease;

/**
 * The live streams of this instance: takes the feed's new entries — handed over by the local feed relay, or
 * polled from the store when another instance writes the feed — and fans them out to the connected clients,
 * each with its filter and its suppression (docs/architecture.md#suppression: exact for the laki role only).
 *
 * <p>Work per change is shared, not per client: an entry's JSON is written once per exactness, a table is
 * computed once per (grouping, period, site, exactness) per round, however many clients watch it. Fan-out
 * runs on a thread of its own, so neither the relay nor a slow client waits for it; writing to clients runs
 * on a small pool ({@link Subscriber}).
 *
 * <p><b>Limits.</b> Streams are capped per client and in all ({@link #admit}), so that a few clients cannot take
 * every sender thread and all memory. A write that has not finished after the send timeout (a client that stopped
 * reading) ends that stream and frees its thread. Tables for narrowed streams are computed outside the lock that
 * {@link #subscribe} takes, so connecting never waits for the store.
 */
public final class LiveStreams implements FeedListener, AutoCloseable {

    public static final String AGGREGATE_EVENT = "aggregate";
    public static final String REPORT_EVENT = "report";
    public static final int REPLAY_PAGE = 200;

    private final Feed feed;
    private final Lease lease;
    private final ActivitiesMeasure activities;
    private final Map<String, List<Metric>> metrics = new HashMap<>();
    private final int capacity;
    private final ExecutorService sender;
    /** Fans out, polls and sends heartbeats, one after the other. */
    private final BackgroundWorker fanOut = new BackgroundWorker("live-fan-out", this::pollAndHeartbeat);
    /** Guards starting and stopping only, so that stopping never waits for a fan-out stuck on an unreachable store. */
    private final Object lifecycle = new Object();
    private volatile Duration heartbeatInterval = Duration.ofSeconds(15);
    /** When the fan-out thread sends the next heartbeat, in {@link System#nanoTime()}; read and written by it only. */
    private long nextHeartbeat;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private long lastSeen = -1;
    private final Limits limits;
    /** Open streams per client; guarded by itself, never by {@code this}. */
    private final Map<String, Integer> streamsPerClient = new HashMap<>();

    /**
     * How many streams one client and all clients together may hold, how long one write to a client may take, and
     * what a refused client is told to wait.
     */
    public record Limits(int maxStreams, int maxStreamsPerClient, Duration sendTimeout, Duration retryAfter) {

        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofDays(1), Duration.ofSeconds(5));
    }

    /**
     * @param capacity    the most distinct keys buffered for one slow client
     * @param senders     threads writing to clients
     */
    public LiveStreams(Feed feed, Lease lease, ActivitiesMeasure activities, List<Measure> measures, int capacity, int senders) {
        this(feed, lease, activities, measures, capacity, senders, Limits.NONE);
    }

    public LiveStreams(Feed feed, Lease lease, ActivitiesMeasure activities, List<Measure> measures, int capacity, int senders,
            Limits limits) {
        this.feed = feed;
        this.lease = lease;
        this.activities = activities;
        measures.forEach(measure -> metrics.put(measure.name(), measure.metrics()));
        this.capacity = capacity;
        this.sender = Executors.newFixedThreadPool(senders, daemon("live-sender"));
        this.limits = limits;
    }

    /** A stream a client may open; given back when the stream ends (or was never opened). */
    public final class Admission {

        private final String client;
        private boolean released;

        private Admission(String client) {
            this.client = client;
        }

        public void release() {
            synchronized (streamsPerClient) {
                if (released) {
                    return;
                }
                released = true;
                streamsPerClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /**
     * Takes one of the client's streams, before anything is sent to it.
     *
     * @param client who is asking: the token's subject, or the address of an anonymous caller
     * @throws TooManyStreamsException if the client or this instance holds the most streams allowed
     */
    public Admission admit(String client) {
        synchronized (streamsPerClient) {
            int total = streamsPerClient.values().stream().mapToInt(Integer::intValue).sum();
            if (total >= limits.maxStreams()) {
                throw new TooManyStreamsException("This server streams to " + limits.maxStreams()
                        + " clients already; try again later.", limits.retryAfter());
            }
            int own = streamsPerClient.getOrDefault(client, 0);
            if (own >= limits.maxStreamsPerClient()) {
                throw new TooManyStreamsException("You have " + limits.maxStreamsPerClient()
                        + " live streams open already; close one or try again later.", limits.retryAfter());
            }
            streamsPerClient.put(client, own + 1);
            return new Admission(client);
        }
    }

    /**
     * Starts from the feed's current end; polls every {@code poll} (for what another instance's relay wrote)
     * and sends heartbeats. Restartable after {@link #stop()}.
     */
    public void start(Duration poll, Duration heartbeat) {
        synchronized (lifecycle) {
            if (fanOut.isRunning()) {
                return;
            }
            long end = feed.last();
            synchronized (this) {
                lastSeen = end;
            }
            heartbeatInterval = heartbeat;
            nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
            fanOut.start(poll, poll);
        }
    }

    /** Ends every stream — clients reconnect (to another instance) with their last id — and stops fanning out. */
    public void stop() {
        synchronized (lifecycle) {
            fanOut.stop();
        }
        new ArrayList<>(subscribers).forEach(Subscriber::close);
    }

    /** @return how many clients are connected to this instance now */
    public int clients() {
        return subscribers.size();
    }

    /**
     * Connects a client.
     *
     * @param after the cursor it has everything up to ({@code Last-Event-ID} or {@code ?after=}); empty for
     *              live events only
     */
    public Subscriber subscribe(LiveFilter filter, boolean exact, Sink sink, Optional<Long> after) {
        return subscribe(filter, exact, sink, after, admit(""));
    }

    /** Connects a client with the stream {@link #admit} gave it; the stream is given back when it ends. */
    public Subscriber subscribe(LiveFilter filter, boolean exact, Sink sink, Optional<Long> after, Admission admission) {
        Subscriber subscriber;
        synchronized (this) {
            long start = lastSeen < 0 ? feed.last() : lastSeen;
            subscriber = new Subscriber(filter, exact, sink, after.orElse(start), capacity, sender, this::nextPage,
                    closed -> {
                        subscribers.remove(closed);
                        admission.release();
                    });
            after.ifPresent(cursor -> subscriber.replayUntil(start));
            subscribers.add(subscriber);
        }
        subscriber.schedule();
        return subscriber;
    }

    @Override
    public void appended(List<FeedEntry> entries) {
        // Dropped while stopped: a restart begins at the feed's end, and clients resume from the feed.
        fanOut.execute(() -> {
            if (!entries.isEmpty()) {
                catchUpTo(entries.get(0).sequence());
            }
            deliver(entries);
        });
    }

    /**
     * Delivers what the feed holds before {@code sequence} and this instance has not seen: entries another instance
     * appended after this one last polled and before this one took the feed lease over. Without this the first
     * hand-over would move past them, and live clients of this instance would never see them.
     */
    private void catchUpTo(long sequence) {
        while (true) {
            long from;
            synchronized (this) {
                from = lastSeen;
            }
            if (from < 0 || sequence <= from + 1) {
                return;
            }
            List<FeedEntry> missed = feed.after(from, REPLAY_PAGE).stream().filter(entry -> entry.sequence() < sequence).toList();
            if (missed.isEmpty()) {
                return; // a gap an append that failed left
            }
            deliver(missed);
        }
    }

    /** Sends a comment to every idle client, so that proxies and browsers keep the stream open. */
    public void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }

    /**
     * Fans entries out; those seen already (by hand-over and by poll) are skipped. Only taking the entries and the
     * clients to serve happens under the lock: a client that subscribes later starts after these entries, and the
     * store queries for its tables do not hold up {@link #subscribe}.
     */
    public void deliver(List<FeedEntry> entries) {
        List<FeedEntry> fresh;
        List<Subscriber> serving;
        long cursor;
        synchronized (this) {
            long seen = lastSeen;
            fresh = entries.stream().filter(entry -> entry.sequence() > seen).toList();
            if (fresh.isEmpty()) {
                return;
            }
            cursor = fresh.get(fresh.size() - 1).sequence();
            lastSeen = cursor;
            serving = List.copyOf(subscribers);
        }
        Map<String, String> json = new HashMap<>();
        for (Subscriber subscriber : serving) {
            LiveFilter filter = subscriber.filter();
            if (filter.groupBy().isEmpty()) {
                for (FeedEntry entry : fresh) {
                    if (filter.matches(entry)) {
                        String data = json.computeIfAbsent(entry.sequence() + "/" + subscriber.exact(), k -> changeJson(entry, subscriber.exact()));
                        subscriber.offer(entry.key(), entry.sequence(), AGGREGATE_EVENT, data);
                    }
                }
            } else {
                Set<Period> tables = new LinkedHashSet<>();
                fresh.forEach(entry -> tables.addAll(filter.tables(entry)));
                offerTables(subscriber, tables, cursor, json);
            }
        }
    }

    /** Reads the next page of a subscriber's replay from the feed. */
    private void nextPage(Subscriber subscriber) {
        long from = subscriber.replayPosition();
        long until = subscriber.replayEnd();
        LiveFilter filter = subscriber.filter();
        List<FeedEntry> page = feed.after(from, REPLAY_PAGE);
        long reached = from;
        for (FeedEntry entry : page) {
            if (entry.sequence() > until) {
                reached = until;
                break;
            }
            reached = entry.sequence();
            if (filter.groupBy().isEmpty()) {
                if (filter.matches(entry)) {
                    subscriber.offer(entry.key(), entry.sequence(), AGGREGATE_EVENT, changeJson(entry, subscriber.exact()));
                }
            } else {
                filter.tables(entry).forEach(subscriber::replayTouched);
            }
        }
        if (page.size() < REPLAY_PAGE) {
            reached = until;
        }
        Set<Period> tables = subscriber.replayedThrough(reached);
        if (!tables.isEmpty()) {
            offerTables(subscriber, tables, until, new HashMap<>());
        }
    }

    private void offerTables(Subscriber subscriber, Set<Period> tables, long cursor, Map<String, String> json) {
        LiveFilter filter = subscriber.filter();
        Dimension groupBy = filter.groupBy().orElseThrow();
        for (Period period : tables) {
            String cacheKey = "table/" + groupBy + "/" + period + "/" + filter.site().map(Object::toString).orElse("") + "/" + subscriber.exact();
            String data = json.computeIfAbsent(cacheKey, k -> tableJson(groupBy, period, filter, subscriber.exact()));
            subscriber.offer("table/" + period, cursor, REPORT_EVENT, data);
        }
    }

    private String changeJson(FeedEntry entry, boolean exact) {
        return EventJson.mapper().writeValueAsString(ChangeView.of(entry, metrics.getOrDefault(entry.measure(), List.of()), exact));
    }

    private String tableJson(Dimension groupBy, Period period, LiveFilter filter, boolean exact) {
        Suppression suppression = Suppression.forCaller(exact);
        Aggregation table = suppression.show(activities.aggregate(groupBy, Optional.of(period), filter.site(), suppression),
                activities.metrics());
        return EventJson.mapper().writeValueAsString(
                new AggregateReport(activities.name(), period.value(), groupBy.parameter(), table.rows(), table.total()));
    }

    /** Every poll interval: what another instance's relay wrote (the local relay hands its entries over), and heartbeats when due. */
    private void pollAndHeartbeat() {
        endSlowWriters();
        if (System.nanoTime() - nextHeartbeat >= 0) {
            nextHeartbeat = System.nanoTime() + heartbeatInterval.toNanos();
            heartbeat();
        }
        if (!lease.held()) {
            long from;
            synchronized (this) {
                from = lastSeen;
            }
            List<FeedEntry> entries = feed.after(from, 1000);
            if (!entries.isEmpty()) {
                deliver(entries);
            }
        }
    }

    /** Ends the streams whose current write has taken longer than the send timeout, freeing their sender threads. */
    void endSlowWriters() {
        long now = System.nanoTime();
        subscribers.forEach(subscriber -> subscriber.abandonIfWritingSince(now - limits.sendTimeout().toNanos()));
    }

    @Override
    public void close() {
        stop();
        sender.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        int[] count = {0};
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + (++count[0]));
            thread.setDaemon(true);
            return thread;
        };
    }
}
