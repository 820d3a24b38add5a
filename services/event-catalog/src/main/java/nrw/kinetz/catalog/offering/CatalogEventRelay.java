package nrw.kinetz.catalog.offering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.offering.OfferingStore.PendingEvents;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.model.event.EventEnvelope;

/**
 * Publishes what the offerings' outboxes hold to {@code ki.catalog.v1}, then takes it out of the outbox: right
 * after a command and by polling for what a crash or an absent broker left. A crash between publishing and
 * taking out publishes an event again with the same {@code ce_id}, which consumers count once. Within an
 * offering each event is sent only after the one before was acknowledged, so they stay in order.
 */
@Component
public class CatalogEventRelay implements SmartLifecycle {

    private static final String NAME = "catalog-event-relay";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogEventRelay.class);
    private static final int BATCH = 100;

    private final OfferingStore store;
    private final EventPublisher publisher;
    private final Duration passTimeout;

    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final BackgroundWorker worker = new BackgroundWorker(NAME, this::pass);

    CatalogEventRelay(OfferingStore store, EventPublisher publisher,
            @Value("${kinetz.catalog.worker.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.catalog.worker.stop-timeout:10s}") Duration stopTimeout,
            @Value("${kinetz.catalog.relay.pass-timeout:30s}") Duration passTimeout) {
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
        this.store = store;
        this.publisher = publisher;
        this.passTimeout = passTimeout;
    }

    /** Wakes the worker: a pass runs soon, not at the next poll; several wake-ups make one pass. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private void pass() {
        while (true) {
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
        List<UUID> acknowledged = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (EventEnvelope<?> event : offering.events()) {
            chain = chain.thenCompose(ignored -> publisher.publish(event)).thenAccept(ack -> {
                synchronized (acknowledged) {
                    acknowledged.add(event.id());
                }
            });
        }
        return chain.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("Relaying the events of offering {} stopped, will retry: {}", offering.offeringId(), failure.getMessage());
            }
            synchronized (acknowledged) {
                return List.copyOf(acknowledged);
            }
        });
    }

    private List<UUID> await(CompletableFuture<List<UUID>> acknowledged) {
        try {
            return acknowledged.get(passTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    @Override
    public void start() {
        worker.start(pollInterval);
    }

    /** Runs once more for what the last requests stored, bounded; what is left waits for the next start. */
    @Override
    public void stop() {
        if (!worker.stop(stopTimeout)) {
            LOG.warn("{} stopped with work left; the next start picks it up", NAME);
        }
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    /** Stops after the web server drained, so what the last requests stored is still sent. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
