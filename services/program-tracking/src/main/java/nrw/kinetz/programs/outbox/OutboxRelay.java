package nrw.kinetz.programs.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.infra.mongo.MongoLease;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.programs.outbox.MongoOutbox.Acknowledged;
import nrw.kinetz.programs.outbox.MongoOutbox.Pending;

/**
 * Publishes the events the outbox collections hold as pending, then marks them published: right after a
 * command stored them, and by polling (both on one {@link BackgroundWorker}), which picks up whatever a crash or an absent broker left behind. A crash
 * between publishing and marking publishes an event again with the same {@code ce_id}, so consumers count it
 * once. One thread relays; within a document each event is sent only after the one before was acknowledged, so
 * a later change of a grant never overtakes an earlier one. Of several instances only the holder of the lease
 * {@value #LEASE} relays: a second relay reading the same outbox could send a grant's older event again after its
 * newer one, and reporting sets a grant's sums from the latest event it got.
 *
 * <p>A writer that names the documents it just gave events ({@link #eventsPending(String, Collection)}) has them
 * read by id; only a signal without names, and every poll, searches the collections for pending events, which
 * on a large collection is a scan. So a replay writing thousands of documents a second does not make the relay scan
 * the collection it writes to after every batch.
 */
@Component
class OutboxRelay implements PendingEventsSignal, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** Held by the one instance that relays. */
    static final String LEASE = "program-event-relay";

    /** Documents per pass and collection; a pass repeats until nothing is pending. */
    private static final int BATCH = 200;

    /** Stops after the web server finished its graceful shutdown, so requests that just stored events are relayed. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final MongoOutbox outbox;
    private final List<OutboxCollection> collections;
    private final StoredEventPublisher publisher;
    private final Duration pollInterval;
    private final Duration passTimeout;
    private final Duration stopTimeout;
    private final Lease lease;
    /** The most named documents remembered; beyond it the next search finds them. */
    private static final int MAX_NAMED = 100_000;

    private final BackgroundWorker worker = new BackgroundWorker("program-event-relay", this::relayPending, this::relayWoken);
    /** Whether each collection's documents publish their events in order. */
    private final Map<String, Boolean> ordered = new java.util.HashMap<>();
    /** The collections that are indexes of events held elsewhere ({@link OutboxCollection#eventsIn()}). */
    private final Set<String> indexes = new java.util.HashSet<>();
    /** Documents named by writers and not relayed yet, per collection. */
    private final Map<String, Set<String>> named = new LinkedHashMap<>();
    /** Events handed over by writers and not relayed yet, per collection and document; guarded by {@link #named}. */
    private final Map<String, Map<String, List<StoredEvent>>> handedOver = new LinkedHashMap<>();
    /** Held by a search while it reads an index, and shared by writers that must not be seen half done there. */
    private final ReadWriteLock searching = new ReentrantReadWriteLock();
    /** Whether a signal without names came since the last search. */
    private boolean searchWanted;

    OutboxRelay(MongoOutbox outbox, List<OutboxCollection> collections, StoredEventPublisher publisher,
            @Value("${kinetz.programs.relay.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.programs.relay.pass-timeout:30s}") Duration passTimeout,
            @Value("${kinetz.programs.relay.stop-timeout:10s}") Duration stopTimeout, MongoOperations mongo, Clock clock,
            MeterRegistry meters) {
        List<LongSupplier> backlogs = collections.stream().map(collection -> outbox.backlog(collection.name())).toList();
        RelayBacklog.register(meters, "program-events", "documents with events not yet on Kafka",
                () -> backlogs.stream().mapToLong(LongSupplier::getAsLong).sum());
        this.outbox = outbox;
        this.collections = List.copyOf(collections);
        collections.forEach(collection -> ordered.put(collection.name(), collection.ordered()));
        collections.stream().filter(collection -> collection.eventsIn() != null).forEach(collection -> indexes.add(collection.name()));
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.passTimeout = passTimeout;
        this.stopTimeout = stopTimeout;
        this.lease = new MongoLease(mongo, LEASE, "program-tracking-" + UUID.randomUUID(), Duration.ofSeconds(10), clock);
    }

    @Override
    public void withoutSearch(Runnable writes) {
        searching.readLock().lock();
        try {
            writes.run();
        } finally {
            searching.readLock().unlock();
        }
    }

    @Override
    public void eventsPending() {
        synchronized (named) {
            searchWanted = true;
        }
        worker.wakeUp();
    }

    @Override
    public void eventsPending(String collection, Collection<String> documentIds) {
        synchronized (named) {
            Set<String> ids = named.computeIfAbsent(collection, c -> new LinkedHashSet<>());
            if (ids.size() + documentIds.size() > MAX_NAMED) {
                ids.clear(); // far behind or stopped: the search finds them by their marks
                searchWanted = true;
            } else {
                ids.addAll(documentIds);
            }
        }
        worker.wakeUp();
    }

    @Override
    public void eventsStored(String collection, Map<String, List<StoredEvent>> events) {
        synchronized (named) {
            Map<String, List<StoredEvent>> documents = handedOver.computeIfAbsent(collection, c -> new LinkedHashMap<>());
            if (documents.size() + events.size() > MAX_NAMED) {
                documents.clear(); // far behind or stopped: the search finds them by their marks
                searchWanted = true;
            } else {
                documents.putAll(events);
            }
        }
        worker.wakeUp();
    }

    /** After a wake-up: what was handed over, the named documents, then a search if a signal without names asked for one. */
    private void relayWoken() {
        // Stops at a failure, so that a document's later event never goes out before an earlier one.
        if (!relayHandedOver() || !relayNamed()) {
            return;
        }
        boolean search;
        synchronized (named) {
            search = searchWanted;
            searchWanted = false;
        }
        if (search) {
            relayPending();
        }
    }

    /**
     * Relays the handed-over events a batch at a time without reading them back; a failure leaves them pending in the
     * store for the next search.
     */
    synchronized boolean relayHandedOver() {
        if (!holdsLease()) {
            return false;
        }
        for (OutboxCollection collection : collections) {
            List<Pending> batch;
            while (!(batch = takeHandedOver(collection.name())).isEmpty()) {
                if (!relay(batch).complete()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return whether this instance relays; if not, forgets what writers named: the holder's search finds it */
    private boolean holdsLease() {
        if (lease.acquire()) {
            return true;
        }
        synchronized (named) {
            named.clear();
            handedOver.clear();
        }
        return false;
    }

    private List<Pending> takeHandedOver(String collection) {
        synchronized (named) {
            Map<String, List<StoredEvent>> documents = handedOver.getOrDefault(collection, Map.of());
            List<Pending> batch = new ArrayList<>();
            for (Iterator<Map.Entry<String, List<StoredEvent>>> it = documents.entrySet().iterator();
                    it.hasNext() && batch.size() < BATCH; ) {
                Map.Entry<String, List<StoredEvent>> document = it.next();
                batch.add(Pending.handedOver(collection, document.getKey(), document.getValue(), indexes.contains(collection)));
                it.remove();
            }
            return batch;
        }
    }

    /** Relays the named documents a batch at a time; a failure leaves them pending for the next search. */
    synchronized boolean relayNamed() {
        if (!holdsLease()) {
            return false;
        }
        for (OutboxCollection collection : collections) {
            List<String> ids;
            while (!(ids = takeNamed(collection.name())).isEmpty()) {
                List<Pending> batch = outbox.pending(collection.name(), ids);
                forgetHandedOver(collection.name(), batch);
                if (!batch.isEmpty() && !relay(batch).complete()) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<String> takeNamed(String collection) {
        synchronized (named) {
            Set<String> ids = named.getOrDefault(collection, Set.of());
            List<String> batch = new ArrayList<>();
            for (Iterator<String> it = ids.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        }
    }

    @Override
    public synchronized boolean relayNow() {
        if (relayHandedOver() && relayNamed()) {
            relayPending();
        }
        return collections.stream().allMatch(collection -> outbox.pending(collection.name(), 1).isEmpty());
    }

    /** Relays until nothing is pending or a send fails; returns how many events Kafka acknowledged. */
    synchronized int relayPending() {
        int published = 0;
        for (OutboxCollection collection : collections) {
            while (lease.acquire()) {
                List<Pending> batch = search(collection.name());
                if (batch.isEmpty()) {
                    break;
                }
                forgetHandedOver(collection.name(), batch);
                Outcome outcome = relay(batch);
                published += outcome.published();
                if (!outcome.complete()) {
                    return published;
                }
                if (outcome.published() == 0) {
                    break; // pending ids whose events are not stored yet (an index written just before them)
                }
            }
        }
        return published;
    }

    /** The pending documents of {@code collection}, an index read out of the way of writers half done. */
    private List<Pending> search(String collection) {
        if (!indexes.contains(collection)) {
            return outbox.pending(collection, BATCH);
        }
        searching.writeLock().lock();
        try {
            return outbox.pending(collection, BATCH);
        } finally {
            searching.writeLock().unlock();
        }
    }

    /** A search found these documents: what was handed over about them is in the batch already. */
    private void forgetHandedOver(String collection, List<Pending> batch) {
        synchronized (named) {
            Map<String, List<StoredEvent>> documents = handedOver.get(collection);
            if (documents != null && !documents.isEmpty()) {
                batch.forEach(pending -> documents.remove(pending.documentId()));
            }
        }
    }

    /** How a batch went: the events Kafka acknowledged, and whether that was all of them. */
    private record Outcome(int published, boolean complete) {
    }

    /** Publishes a batch of one collection's documents and marks what Kafka acknowledged, the rest in one write. */
    private Outcome relay(List<Pending> batch) {
        try (StoredEventPublisher.Batch sends = publisher.batch(batch.get(0).collection(), batch.size())) {
            return relay(batch, sends);
        }
    }

    private Outcome relay(List<Pending> batch, StoredEventPublisher.Batch sends) {
        // The first document goes alone: when Kafka is away every send blocks until it gives up.
        List<UUID> first = await(publishInOrder(batch.get(0), sends));
        if (!first.isEmpty()) {
            outbox.published(batch.get(0), first);
        }
        if (first.size() < batch.get(0).events().size()) {
            return new Outcome(first.size(), false);
        }
        List<Pending> rest = batch.subList(1, batch.size());
        List<CompletableFuture<List<UUID>>> perDocument = rest.stream().map(document -> publishInOrder(document, sends)).toList();
        List<Acknowledged> acknowledged = new ArrayList<>();
        int published = first.size();
        boolean complete = true;
        for (int i = 0; i < rest.size(); i++) {
            List<UUID> ids = await(perDocument.get(i));
            if (!ids.isEmpty()) {
                acknowledged.add(new Acknowledged(rest.get(i), ids));
            }
            published += ids.size();
            complete &= ids.size() == rest.get(i).events().size();
        }
        outbox.published(batch.get(0).collection(), acknowledged);
        return new Outcome(published, complete);
    }

    private CompletableFuture<List<UUID>> publishInOrder(Pending document, StoredEventPublisher.Batch sends) {
        if (!ordered.getOrDefault(document.collection(), true)) {
            return sends.sendAtOnce(document.events());
        }
        return sends.sendInOrder(document.events(), document.collection() + " " + document.documentId());
    }

    private List<UUID> await(CompletableFuture<List<UUID>> acknowledged) {
        return EventPublisher.acknowledgedWithin(acknowledged, passTimeout);
    }

    @Override
    public void start() {
        worker.start(pollInterval);
    }

    /**
     * Relays once more what requests stored while the web server drained, bounded by the stop timeout:
     * whatever is left (Kafka or the store may be gone already) stays pending for the next start.
     */
    @Override
    public void stop() {
        if (worker.stop(stopTimeout)) {
            lease.release(); // another instance relays at once, not after the lease expired
        } else {
            LOG.warn("Stopping with program events still unpublished; they are relayed after the next start");
        }
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
