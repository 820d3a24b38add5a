package nrw.kinetz.sites.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.sites.site.domain.Site;

/** A {@link SiteStore} in a map, with the same atomicity and version rules as the MongoDB one. */
class InMemorySiteStore implements SiteStore {

    private final Map<String, Entry> sites = new TreeMap<>();

    /** Runs just before an update is applied: lets a test change the site "in between". */
    Runnable beforeUpdate = () -> {
    };

    private static final class Entry {
        Site site;
        long version;
        final List<EventEnvelope<?>> history = new ArrayList<>();
        final List<UUID> pending = new ArrayList<>();
    }

    @Override
    public synchronized Optional<StoredSite> find(SiteId siteId) {
        return Optional.ofNullable(sites.get(siteId.value())).map(e -> new StoredSite(e.site, e.version));
    }

    @Override
    public synchronized boolean insert(Site site, List<EventEnvelope<?>> events) {
        if (sites.containsKey(site.identity().siteId().value())) {
            return false;
        }
        Entry entry = new Entry();
        entry.site = site;
        entry.version = 1;
        append(entry, events);
        sites.put(site.identity().siteId().value(), entry);
        return true;
    }

    @Override
    public boolean update(Site site, long expectedVersion, List<EventEnvelope<?>> events) {
        beforeUpdate.run();
        synchronized (this) {
            Entry entry = sites.get(site.identity().siteId().value());
            if (entry == null || entry.version != expectedVersion) {
                return false;
            }
            entry.site = site;
            entry.version++;
            append(entry, events);
            return true;
        }
    }

    @Override
    public synchronized List<StoredSite> list(SiteFilter filter, int offset, int limit) {
        return sites.values().stream().filter(matches(filter)).skip(offset).limit(limit)
                .map(e -> new StoredSite(e.site, e.version)).toList();
    }

    @Override
    public synchronized long count(SiteFilter filter) {
        return sites.values().stream().filter(matches(filter)).count();
    }

    @Override
    public synchronized List<Site> all() {
        return sites.values().stream().map(e -> e.site).toList();
    }

    @Override
    public synchronized Optional<HistoryPage> history(SiteId siteId, int offset, int limit) {
        return Optional.ofNullable(sites.get(siteId.value())).map(e -> new HistoryPage(
                e.history.stream().skip(offset).limit(limit).toList(), e.history.size()));
    }

    @Override
    public synchronized List<PendingEvents> pending(int maxSites) {
        return sites.values().stream().filter(e -> !e.pending.isEmpty()).limit(maxSites)
                .map(e -> new PendingEvents(e.site.identity().siteId(),
                        e.history.stream().filter(h -> e.pending.contains(h.id())).toList()))
                .toList();
    }

    @Override
    public synchronized void published(SiteId siteId, List<UUID> eventIds) {
        sites.get(siteId.value()).pending.removeAll(eventIds);
    }

    /** Every event stored so far, all sites, in order of storing per site. */
    synchronized List<EventEnvelope<?>> allEvents() {
        return sites.values().stream().flatMap(e -> e.history.stream()).toList();
    }

    private static void append(Entry entry, List<EventEnvelope<?>> events) {
        entry.history.addAll(events);
        events.forEach(e -> entry.pending.add(e.id()));
    }

    private static Predicate<Entry> matches(SiteFilter filter) {
        return e -> (filter.statuses().isEmpty() || filter.statuses().contains(e.site.status()))
                && (filter.regierungsbezirke().isEmpty() || filter.regierungsbezirke().contains(e.site.identity().regierungsbezirk()))
                && (filter.focusAreas().isEmpty() || e.site.focus().focusAreas().stream().anyMatch(filter.focusAreas()::contains))
                && (filter.programs().isEmpty() || e.site.focus().programs().stream().anyMatch(filter.programs()::contains));
    }
}
