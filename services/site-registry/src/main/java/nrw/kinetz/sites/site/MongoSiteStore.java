package nrw.kinetz.sites.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.sites.site.SiteDocument.StoredEvent;
import nrw.kinetz.sites.site.domain.Site;

/**
 * {@link SiteStore} on MongoDB with single-document writes only, which are atomic on every MongoDB (replica
 * set or not, and on the embedded wire server): no transactions, no change streams.
 */
class MongoSiteStore implements SiteStore {

    static final String COLLECTION = "sites";

    private final MongoTemplate mongo;

    MongoSiteStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<StoredSite> find(SiteId siteId) {
        return Optional.ofNullable(mongo.findOne(withoutEvents(query(where("_id").is(siteId.value()))), SiteDocument.class))
                .map(SiteDocument::toStoredSite);
    }

    @Override
    public boolean insert(Site site, List<EventEnvelope<?>> events) {
        try {
            mongo.insert(SiteDocument.newSite(site, events));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean update(Site site, long expectedVersion, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = events.stream().map(StoredEvent::of).toList();
        Update update = new Update()
                .set(SiteDocument.STATUS, site.status().name())
                .set("statusSince", site.lifecycle().currentSince().toString())
                .set("lifecycle", SiteDocument.steps(site))
                .set("staffing", SiteDocument.posts(site))
                .set(SiteDocument.FOCUS_AREAS, SiteDocument.focusAreas(site))
                .set(SiteDocument.PROGRAMS, SiteDocument.programs(site))
                .set("contact", SiteDocument.contact(site))
                .inc(SiteDocument.VERSION, 1);
        update.push(SiteDocument.HISTORY).each(stored.toArray());
        update.push(SiteDocument.PENDING).each(stored.stream().map(StoredEvent::eventId).toArray());
        Query current = query(where("_id").is(site.identity().siteId().value()).and(SiteDocument.VERSION).is(expectedVersion));
        return mongo.updateFirst(current, update, SiteDocument.class).getModifiedCount() == 1;
    }

    @Override
    public List<StoredSite> list(SiteFilter filter, int offset, int limit) {
        Query query = withoutEvents(query(criteria(filter))).with(Sort.by("_id")).skip(offset).limit(limit);
        return mongo.find(query, SiteDocument.class).stream().map(SiteDocument::toStoredSite).toList();
    }

    @Override
    public long count(SiteFilter filter) {
        return mongo.count(query(criteria(filter)), SiteDocument.class);
    }

    @Override
    public List<Site> all() {
        return mongo.find(withoutEvents(new Query()).with(Sort.by("_id")), SiteDocument.class).stream()
                .map(document -> document.toStoredSite().site()).toList();
    }

    @Override
    public Optional<List<EventEnvelope<?>>> history(SiteId siteId) {
        Query query = query(where("_id").is(siteId.value()));
        query.fields().include(SiteDocument.HISTORY);
        return Optional.ofNullable(mongo.findOne(query, EventsOnly.class, COLLECTION))
                .map(document -> SiteDocument.orEmpty(document.history()).stream().<EventEnvelope<?>>map(StoredEvent::toEnvelope).toList());
    }

    @Override
    public List<PendingEvents> pending(int maxSites) {
        Query query = query(where(SiteDocument.PENDING + ".0").exists(true)).with(Sort.by("_id")).limit(maxSites);
        query.fields().include(SiteDocument.HISTORY).include(SiteDocument.PENDING);
        List<PendingEvents> pending = new ArrayList<>();
        for (EventsOnly document : mongo.find(query, EventsOnly.class, COLLECTION)) {
            Set<String> ids = Set.copyOf(SiteDocument.orEmpty(document.pendingEventIds()));
            // In history order, which is the order the site decided them in.
            List<EventEnvelope<?>> events = SiteDocument.orEmpty(document.history()).stream()
                    .filter(event -> ids.contains(event.eventId())).<EventEnvelope<?>>map(StoredEvent::toEnvelope).toList();
            pending.add(new PendingEvents(SiteId.of(document.id()), events));
        }
        return pending;
    }

    @Override
    public void published(SiteId siteId, List<UUID> eventIds) {
        Update update = new Update().pullAll(SiteDocument.PENDING, eventIds.stream().map(UUID::toString).toArray());
        mongo.updateFirst(query(where("_id").is(siteId.value())), update, COLLECTION);
    }

    private static Criteria criteria(SiteFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            all.add(where(SiteDocument.STATUS).in(names(filter.statuses())));
        }
        if (!filter.regierungsbezirke().isEmpty()) {
            all.add(where(SiteDocument.REGIERUNGSBEZIRK).in(names(filter.regierungsbezirke())));
        }
        if (!filter.focusAreas().isEmpty()) {
            all.add(where(SiteDocument.FOCUS_AREAS).in(names(filter.focusAreas())));
        }
        if (!filter.programs().isEmpty()) {
            all.add(where(SiteDocument.PROGRAMS).in(names(filter.programs())));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /** Reads and lists never need the events, which are most of a document's size. */
    private static Query withoutEvents(Query query) {
        query.fields().exclude(SiteDocument.HISTORY).exclude(SiteDocument.PENDING);
        return query;
    }

    /** The part of a site document the history and the relay read. */
    record EventsOnly(@Id String id, List<StoredEvent> history, List<String> pendingEventIds) {
    }
}
