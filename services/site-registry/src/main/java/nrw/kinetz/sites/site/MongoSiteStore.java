package nrw.kinetz.sites.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
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
 *
 * <p>A site document would grow with every change if it kept all its events (alternating two staffing plans long
 * enough reaches MongoDB's 16 MB document limit, and then every change of the site fails). So the document keeps
 * only its newest events ({@value #KEPT_IN_DOCUMENT}) and those still pending; when the relay has published an
 * event, it is copied to the archive collection ({@value #ARCHIVE}, one document per event, idempotent by event id)
 * and older published ones leave the site document. The history is read from both. Pending events are capped too
 * ({@value #MAX_PENDING}): a site whose events have not gone out for that long refuses further changes with 503.
 */
class MongoSiteStore implements SiteStore {

    static final String COLLECTION = "sites";
    static final String ARCHIVE = "siteEvents";
    static final int KEPT_IN_DOCUMENT = 50;
    static final int MAX_PENDING = 500;

    private static final String SITE = "siteId";
    private static final String SEQUENCE = "sequence";
    private static final String EVENT_ID = "eventId";

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
        List<StoredEvent> stored = StoredEvent.of(events, expectedVersion + 1);
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
        String id = site.identity().siteId().value();
        Query current = query(where("_id").is(id).and(SiteDocument.VERSION).is(expectedVersion)
                .and(SiteDocument.PENDING + "." + Math.max(0, MAX_PENDING - stored.size())).exists(false));
        if (mongo.updateFirst(current, update, SiteDocument.class).getModifiedCount() == 1) {
            return true;
        }
        if (mongo.exists(query(where("_id").is(id).and(SiteDocument.VERSION).is(expectedVersion)), COLLECTION)) {
            throw new TransientDataAccessResourceException("Site " + id + " has " + MAX_PENDING
                    + " changes the message broker has not taken yet; it takes more once they have gone out.");
        }
        return false;
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

    /**
     * The archive holds the published events in order; the document holds the newest, among them those not
     * archived yet (pending, or stored before there was an archive), which follow every archived one.
     */
    @Override
    public Optional<HistoryPage> history(SiteId siteId, int offset, int limit) {
        Query query = query(where("_id").is(siteId.value()));
        query.fields().include(SiteDocument.HISTORY);
        EventsOnly document = mongo.findOne(query, EventsOnly.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        List<StoredEvent> inDocument = SiteDocument.orEmpty(document.history());
        Set<String> archivedIds = archivedAmong(inDocument);
        List<StoredEvent> notArchived = inDocument.stream().filter(event -> !archivedIds.contains(event.eventId())).toList();
        Query archived = query(where(SITE).is(siteId.value()));
        long archivedCount = mongo.count(archived, ARCHIVE);
        List<StoredEvent> page = new ArrayList<>();
        if (offset < archivedCount) {
            mongo.find(archived.with(Sort.by(SEQUENCE)).skip(offset).limit(limit), Document.class, ARCHIVE)
                    .forEach(event -> page.add(fromArchive(event)));
        }
        int tailFrom = (int) Math.max(0, offset - archivedCount);
        for (int i = tailFrom; i < notArchived.size() && page.size() < limit; i++) {
            page.add(notArchived.get(i));
        }
        return Optional.of(new HistoryPage(page.stream().<EventEnvelope<?>>map(StoredEvent::toEnvelope).toList(),
                archivedCount + notArchived.size()));
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

    /**
     * Archives the published events (and any stored before there was an archive) before they stop being pending,
     * then lets published events beyond the newest {@value #KEPT_IN_DOCUMENT} leave the site document. A crash in
     * between leaves them pending; the relay publishes them again with the same id and they are archived again,
     * which changes nothing.
     */
    @Override
    public void published(SiteId siteId, List<UUID> eventIds) {
        Query query = query(where("_id").is(siteId.value()));
        query.fields().include(SiteDocument.HISTORY).include(SiteDocument.PENDING);
        EventsOnly document = mongo.findOne(query, EventsOnly.class, COLLECTION);
        if (document == null) {
            return;
        }
        Set<String> done = new HashSet<>(eventIds.stream().map(UUID::toString).toList());
        Set<String> stillPending = new HashSet<>(SiteDocument.orEmpty(document.pendingEventIds()));
        stillPending.removeAll(done);
        List<StoredEvent> inDocument = SiteDocument.orEmpty(document.history());
        List<String> leaving = new ArrayList<>();
        for (int i = 0; i < inDocument.size(); i++) {
            StoredEvent event = inDocument.get(i);
            if (done.contains(event.eventId()) || event.sequence() == null) {
                archive(siteId, event, i);
            }
            // Every event that is not pending has been archived, by this call or by the one that published it.
            if (i < inDocument.size() - KEPT_IN_DOCUMENT && !stillPending.contains(event.eventId())) {
                leaving.add(event.eventId());
            }
        }
        Update update = new Update().pullAll(SiteDocument.PENDING, done.toArray());
        if (!leaving.isEmpty()) {
            update.pull(SiteDocument.HISTORY, new Document(EVENT_ID, new Document("$in", leaving)));
        }
        mongo.updateFirst(query(where("_id").is(siteId.value())), update, COLLECTION);
    }

    /** Idempotent: the first copy of an event wins, so a re-publication or a shifted position changes nothing. */
    private void archive(SiteId siteId, StoredEvent event, int position) {
        Update copy = new Update()
                .setOnInsert(SITE, siteId.value())
                .setOnInsert(SEQUENCE, event.sequence() == null ? position : event.sequence())
                .setOnInsert("type", event.type())
                .setOnInsert("source", event.source())
                .setOnInsert("time", event.time())
                .setOnInsert("subject", event.subject())
                .setOnInsert("data", event.data());
        mongo.upsert(query(where("_id").is(event.eventId())), copy, ARCHIVE);
    }

    private Set<String> archivedAmong(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        Query query = query(where("_id").in(events.stream().map(StoredEvent::eventId).toList()));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, ARCHIVE).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static StoredEvent fromArchive(Document event) {
        return new StoredEvent(event.getString("_id"), event.getString("type"), event.getString("source"),
                event.getString("time"), event.getString("subject"), event.getString("data"),
                ((Number) event.get(SEQUENCE)).longValue());
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
