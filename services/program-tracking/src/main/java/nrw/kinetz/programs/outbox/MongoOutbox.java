package nrw.kinetz.programs.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.metrics.RelayBacklog;

/**
 * Reads the pending events of the outbox collections and marks them published: each mark touches one document and
 * only its own pending ids, so marks sent together in one bulk write are still single-document writes.
 */
@Component
class MongoOutbox {

    /** Ids per lookup: the embedded store checks each document it finds against the whole {@code $in} list. */
    private static final int IN_SLICE = 500;

    private final MongoTemplate mongo;
    /** For each index collection, the collection holding its events. */
    private final Map<String, String> eventsIn = new HashMap<>();

    MongoOutbox(MongoTemplate mongo, List<OutboxCollection> collections) {
        this.mongo = mongo;
        collections.stream().filter(c -> c.eventsIn() != null).forEach(c -> eventsIn.put(c.name(), c.eventsIn()));
    }

    /** Documents of {@code collection} with events still to publish, each with its pending events in order. */
    List<Pending> pending(String collection, int maxDocuments) {
        return pending(collection, query(where(StoredEvent.PENDING + ".0").exists(true)).with(Sort.by("_id")).limit(maxDocuments));
    }

    /**
     * The named documents of {@code collection} that still have events to publish: read by id, which every store
     * answers from its primary index, where the search for any pending document scans the collection.
     */
    List<Pending> pending(String collection, Collection<String> documentIds) {
        // By id alone: the embedded store uses its primary index only for a query on _id and nothing else.
        return pending(collection, query(where("_id").in(documentIds))).stream()
                .filter(pending -> !pending.events().isEmpty()).toList();
    }

    private List<Pending> pending(String collection, Query query) {
        String holder = eventsIn.get(collection);
        query.fields().include(StoredEvent.EVENTS).include(StoredEvent.PENDING).include(OutboxCollection.DOCUMENTS);
        List<Pending> pending = new ArrayList<>();
        for (EventsOnly document : mongo.find(query, EventsOnly.class, collection)) {
            Set<String> ids = Set.copyOf(document.pendingEventIds() == null ? List.of() : document.pendingEventIds());
            List<StoredEvent> stored = holder == null ? document.events() : eventsOf(holder, document.documents());
            List<StoredEvent> events = (stored == null ? List.<StoredEvent>of() : stored).stream()
                    .filter(event -> ids.contains(event.eventId())).toList();
            pending.add(new Pending(collection, document.id(), events, holder == null ? null : List.copyOf(ids)));
        }
        return pending;
    }

    /** The events inside the named documents of {@code collection}, read by id; a document not stored yet has none. */
    private List<StoredEvent> eventsOf(String collection, List<String> documentIds) {
        List<StoredEvent> events = new ArrayList<>();
        if (documentIds == null) {
            return events;
        }
        for (int from = 0; from < documentIds.size(); from += IN_SLICE) {
            Query query = query(where("_id").in(documentIds.subList(from, Math.min(documentIds.size(), from + IN_SLICE))));
            query.fields().include(StoredEvent.EVENTS);
            mongo.find(query, EventsOnly.class, collection).forEach(document -> {
                if (document.events() != null) {
                    events.addAll(document.events());
                }
            });
        }
        return events;
    }

    /** Reads how many documents of {@code collection} have events still to publish. */
    LongSupplier backlog(String collection) {
        return RelayBacklog.documentsWithPending(mongo, collection, StoredEvent.PENDING);
    }

    void published(Pending document, List<UUID> eventIds) {
        mongo.updateFirst(query(where("_id").is(document.documentId())), unmark(document, eventIds), document.collection());
    }

    /**
     * Marks the events of several documents of one collection published, in one round trip: one update per document
     * by {@code _id} alone (which every store answers from its primary index), pulling only its own ids.
     */
    void published(String collection, List<Acknowledged> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        acknowledged.forEach(a -> bulk.updateOne(query(where("_id").is(a.document().documentId())),
                unmark(a.document(), a.eventIds())));
        bulk.execute();
    }

    /**
     * An index document is written once with every id it will ever list as pending, so what is left after a send is
     * known without reading it and is set; other documents gain pending ids later, so only their own ids are pulled.
     * Setting matters for the embedded store, where pulling a poll's 500 ids from a list of 500 costs 250,000
     * comparisons on its single write thread per collection.
     */
    private static Update unmark(Pending document, List<UUID> eventIds) {
        if (document.listed() != null) {
            if (eventIds.size() == document.listed().size()) {
                // what Kafka acknowledged are events of listed ids, each once: all of them
                return new Update().set(StoredEvent.PENDING, List.of());
            }
            Set<String> acknowledged = new HashSet<>();
            eventIds.forEach(id -> acknowledged.add(id.toString()));
            return new Update().set(StoredEvent.PENDING,
                    document.listed().stream().filter(id -> !acknowledged.contains(id)).toList());
        }
        return new Update().pullAll(StoredEvent.PENDING, eventIds.stream().map(UUID::toString).toArray());
    }

    /** The events of one document that Kafka acknowledged. */
    record Acknowledged(Pending document, List<UUID> eventIds) {
    }

    /**
     * One document's events that still have to go to Kafka, oldest first.
     *
     * @param listed for an index document ({@link OutboxCollection#eventsIn()}), every id it listed as pending when
     *               read, whose events may not all be stored yet; {@code null} for a document holding its events
     */
    record Pending(String collection, String documentId, List<StoredEvent> events, List<String> listed) {

        Pending {
            events = List.copyOf(events);
        }

        /** A document whose events are all of its pending ones, as a writer hands them over. */
        static Pending handedOver(String collection, String documentId, List<StoredEvent> events, boolean index) {
            return new Pending(collection, documentId, events, index ? events.stream().map(StoredEvent::eventId).toList() : null);
        }
    }

    record EventsOnly(@Id String id, List<StoredEvent> events, List<String> pendingEventIds, List<String> documents) {
    }
}
