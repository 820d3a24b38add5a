package nrw.kinetz.programs.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.programs.outbox.MongoOutbox.Pending;

/**
 * Publishes the events the outbox collections hold as pending, then marks them published: right after a
 * command stored them, and by polling (both on one {@link BackgroundWorker}), which picks up whatever a crash or an absent broker left behind. A crash
 * between publishing and marking publishes an event again with the same {@code ce_id}, so consumers count it
 * once. One thread relays; within a document each event is sent only after the one before was acknowledged, so
 * a later change of a grant never overtakes an earlier one.
 */
@Component
class OutboxRelay implements PendingEventsSignal, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** Documents per pass and collection; a pass repeats until nothing is pending. */
    private static final int BATCH = 200;

    /** Stops after the web server finished its graceful shutdown, so requests that just stored events are relayed. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final MongoOutbox outbox;
    private final List<OutboxCollection> collections;
    private final EventPublisher publisher;
    private final Duration pollInterval;
    private final Duration passTimeout;
    private final Duration stopTimeout;
    private final BackgroundWorker worker = new BackgroundWorker("program-event-relay", this::relayPending);

    OutboxRelay(MongoOutbox outbox, List<OutboxCollection> collections, EventPublisher publisher,
            @Value("${kinetz.programs.relay.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.programs.relay.pass-timeout:30s}") Duration passTimeout,
            @Value("${kinetz.programs.relay.stop-timeout:10s}") Duration stopTimeout, MeterRegistry meters) {
        List<LongSupplier> backlogs = collections.stream().map(collection -> outbox.backlog(collection.name())).toList();
        RelayBacklog.register(meters, "program-events", "documents with events not yet on Kafka",
                () -> backlogs.stream().mapToLong(LongSupplier::getAsLong).sum());
        this.outbox = outbox;
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.passTimeout = passTimeout;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public void eventsPending() {
        worker.wakeUp();
    }

    @Override
    public synchronized boolean relayNow() {
        relayPending();
        return collections.stream().allMatch(collection -> outbox.pending(collection.name(), 1).isEmpty());
    }

    /** Relays until nothing is pending or a send fails; returns how many events Kafka acknowledged. */
    synchronized int relayPending() {
        int published = 0;
        for (OutboxCollection collection : collections) {
            while (true) {
                List<Pending> batch = outbox.pending(collection.name(), BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                // The first document goes alone: when Kafka is away every send blocks until it gives up.
                int first = markAcknowledged(batch.get(0), await(publishInOrder(batch.get(0))));
                published += first;
                if (first < batch.get(0).events().size()) {
                    return published;
                }
                List<Pending> rest = batch.subList(1, batch.size());
                List<CompletableFuture<List<UUID>>> perDocument = rest.stream().map(this::publishInOrder).toList();
                boolean complete = true;
                for (int i = 0; i < rest.size(); i++) {
                    int acknowledged = markAcknowledged(rest.get(i), await(perDocument.get(i)));
                    published += acknowledged;
                    complete &= acknowledged == rest.get(i).events().size();
                }
                if (!complete) {
                    return published;
                }
            }
        }
        return published;
    }

    private int markAcknowledged(Pending document, List<UUID> acknowledged) {
        if (!acknowledged.isEmpty()) {
            outbox.published(document.collection(), document.documentId(), acknowledged);
        }
        return acknowledged.size();
    }

    private CompletableFuture<List<UUID>> publishInOrder(Pending document) {
        return publisher.publishInOrder(document.events(), document.collection() + " " + document.documentId());
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
        if (!worker.stop(stopTimeout)) {
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
