package nrw.kinetz.sites.site;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.sites.SitesProperties;
import nrw.kinetz.sites.site.SiteStore.PendingEvents;

/**
 * Publishes the events the store holds as pending, then marks them published (docs/architecture.md#outbox): right after a
 * command stored them, and by polling, which picks up whatever a crash or an absent broker left behind. A
 * crash between publishing and marking publishes an event again, with the same {@code ce_id}, so consumers
 * count it once.
 *
 * <p>One thread does all relaying, so two passes never send the same site's events interleaved. Within a site
 * each event is sent only after the one before was acknowledged: a failed send never lets a later change of
 * the same site overtake it. Sites are relayed in parallel.
 */
class SiteEventRelay implements PendingEventsSignal, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SiteEventRelay.class);

    /** Sites per pass; a pass repeats until nothing is pending. */
    private static final int BATCH = 100;

    /** Stops after the web server finished its graceful shutdown, so requests that just stored events are relayed. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final SiteStore store;
    private final EventPublisher publisher;
    private final Duration pollInterval;
    private final Duration passTimeout;
    private final Duration stopTimeout;
    private final BackgroundWorker worker = new BackgroundWorker("site-event-relay", this::relayPending);

    SiteEventRelay(SiteStore store, EventPublisher publisher, SitesProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.pollInterval = properties.relay().pollInterval();
        this.passTimeout = properties.relay().passTimeout();
        this.stopTimeout = properties.relay().stopTimeout();
    }

    @Override
    public void eventsPending() {
        worker.wakeUp();
    }

    /**
     * Relays until nothing is pending or a send fails.
     *
     * @return how many events Kafka acknowledged
     */
    synchronized int relayPending() {
        int published = 0;
        while (true) {
            List<PendingEvents> batch = store.pending(BATCH);
            if (batch.isEmpty()) {
                return published;
            }
            // The first site goes alone: when Kafka is away every send blocks until it gives up, and one site
            // is enough to find that out.
            int first = markAcknowledged(batch.get(0), await(publishInOrder(batch.get(0))));
            published += first;
            if (first < batch.get(0).events().size()) {
                return published;
            }
            List<PendingEvents> rest = batch.subList(1, batch.size());
            List<CompletableFuture<List<UUID>>> perSite = rest.stream().map(this::publishInOrder).toList();
            boolean complete = true;
            for (int i = 0; i < rest.size(); i++) {
                int acknowledged = markAcknowledged(rest.get(i), await(perSite.get(i)));
                published += acknowledged;
                complete &= acknowledged == rest.get(i).events().size();
            }
            if (!complete) {
                return published;
            }
        }
    }

    private int markAcknowledged(PendingEvents site, List<UUID> acknowledged) {
        if (!acknowledged.isEmpty()) {
            store.published(site.siteId(), acknowledged);
        }
        return acknowledged.size();
    }

    /** Sends one site's events one after the other; completes with the ids Kafka acknowledged, a prefix. */
    private CompletableFuture<List<UUID>> publishInOrder(PendingEvents site) {
        return publisher.publishInOrder(site.events(), "site " + site.siteId());
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
            LOG.warn("Stopping with site events still unpublished; they are relayed after the next start");
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
