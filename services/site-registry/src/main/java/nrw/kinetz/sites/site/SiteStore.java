package nrw.kinetz.sites.site;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.sites.site.domain.Site;

/**
 * Where sites live, together with the events that announce their changes (docs/architecture.md#outbox): a change and its
 * events are written in one atomic step, the events stay pending until the relay has published them, so a
 * crash between saving and publishing loses nothing and a re-publication carries the same event id.
 */
interface SiteStore {

    Optional<StoredSite> find(SiteId siteId);

    /**
     * Stores a new site at version 1 with its events, pending publication.
     *
     * @return {@code false} if a site with this id exists already (nothing was written)
     */
    boolean insert(Site site, List<EventEnvelope<?>> events);

    /**
     * Replaces the site's state and appends its events, pending publication, if the stored version is still
     * {@code expectedVersion}; the version then goes up by one. A site whose events have not gone out for a long
     * time (the broker is away) takes no more changes until they have: that is an outage, not a conflict.
     *
     * @return {@code false} if someone else changed the site in between (nothing was written)
     * @throws org.springframework.dao.TransientDataAccessResourceException if too many of the site's events are
     *         still waiting for the broker (nothing was written)
     */
    boolean update(Site site, long expectedVersion, List<EventEnvelope<?>> events);

    /** Sites matching {@code filter} ordered by site id, {@code offset} and {@code limit} applied. */
    List<StoredSite> list(SiteFilter filter, int offset, int limit);

    long count(SiteFilter filter);

    /** Every site, for figures about the whole network. */
    List<Site> all();

    /** @return every event of the site in the order it happened, empty if there is no such site */
    default Optional<List<EventEnvelope<?>>> history(SiteId siteId) {
        return history(siteId, 0, Integer.MAX_VALUE).map(HistoryPage::events);
    }

    /**
     * @return the events of the site from position {@code offset} (0 is the first event), at most {@code limit} of
     *         them, in the order they happened, with the number of all its events; empty if there is no such site
     */
    Optional<HistoryPage> history(SiteId siteId, int offset, int limit);

    /** Sites whose events are not all published yet, each with its pending events in order. */
    List<PendingEvents> pending(int maxSites);

    /** Marks these events of the site as published; they are not relayed again. */
    void published(SiteId siteId, List<UUID> eventIds);

    /** Part of a site's events and how many it has in all. */
    record HistoryPage(List<EventEnvelope<?>> events, long total) {

        public HistoryPage {
            events = List.copyOf(events);
        }
    }

    /** Events of one site that still have to go to Kafka, oldest first. */
    record PendingEvents(SiteId siteId, List<EventEnvelope<?>> events) {

        public PendingEvents {
            events = List.copyOf(events);
        }
    }
}
