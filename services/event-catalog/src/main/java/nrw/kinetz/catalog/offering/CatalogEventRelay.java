package nrw.kinetz.catalog.offering;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.catalog.offering.OfferingStore.PendingEvents;
import nrw.kinetz.catalog.support.BackgroundTask;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.infra.mongo.MongoLease;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * Publishes what the offerings' outboxes hold to {@code ki.catalog.v1}, then takes it out of the outbox: right
 * after a command and by polling for what a crash or an absent broker left. A crash between publishing and
 * taking out publishes an event again with the same {@code ce_id}, which consumers count once. Within an
 * offering each event is sent only after the one before was acknowledged, so they stay in order.
 *
 * <p>Of several instances only the holder of the lease {@value #LEASE} relays (the others' wake-ups leave the
 * events to its next poll): two relays reading the same outbox could send an offering's older event again after
 * its newer one, and reporting's catalog read model, which sets what the latest event says, would go back.
 */
@Component
@Order(3)
public class CatalogEventRelay implements BackgroundTask {

    private static final int BATCH = 100;
    static final String LEASE = "catalog-event-relay";

    private final OfferingStore store;
    private final EventPublisher publisher;
    private final Duration passTimeout;
    private final Lease lease;
    private final BackgroundWorker worker = new BackgroundWorker("catalog-event-relay", this::pass);

    CatalogEventRelay(OfferingStore store, EventPublisher publisher,
            @Value("${kinetz.catalog.relay.pass-timeout:30s}") Duration passTimeout, MongoOperations mongo, Clock clock,
            MeterRegistry meters) {
        RelayBacklog.register(meters, "catalog-events", "offerings with events not yet on Kafka", store.backlog());
        this.store = store;
        this.publisher = publisher;
        this.passTimeout = passTimeout;
        this.lease = new MongoLease(mongo, LEASE, "event-catalog-" + UUID.randomUUID(), Duration.ofSeconds(10), clock);
    }

    /** Wakes the worker: a pass runs soon, not at the next poll; several wake-ups make one pass. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private void pass() {
        while (lease.acquire()) {
            List<PendingEvents> batch = store.pending(BATCH);
            if (batch.isEmpty()) {
                return;
            }
            List<CompletableFuture<List<UUID>>> sent = batch.stream().map(this::publishInOrder).toList();
            boolean complete = true;
            for (int i = 0; i < batch.size(); i++) {
                List<UUID> acknowledged = await(sent.get(i));
                if (!acknowledged.isEmpty()) {
                    store.published(batch.get(i).offeringId(), acknowledged);
                }
                complete &= acknowledged.size() == batch.get(i).events().size();
            }
            if (!complete) {
                return;
            }
        }
    }

    private CompletableFuture<List<UUID>> publishInOrder(PendingEvents offering) {
        return publisher.publishInOrder(offering.events(), "offering " + offering.offeringId());
    }

    private List<UUID> await(CompletableFuture<List<UUID>> acknowledged) {
        return EventPublisher.acknowledgedWithin(acknowledged, passTimeout);
    }

    @Override
    public BackgroundWorker worker() {
        return worker;
    }

    /** Another instance may relay at once, instead of after the lease expired. */
    @Override
    public void stopped() {
        lease.release();
    }
}
