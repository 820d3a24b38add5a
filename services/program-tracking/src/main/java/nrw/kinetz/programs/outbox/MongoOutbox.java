package nrw.kinetz.programs.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.model.event.EventEnvelope;

/** Reads the pending events of the outbox collections and marks them published: single-document writes only. */
@Component
class MongoOutbox {

    private final MongoTemplate mongo;

    MongoOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Documents of {@code collection} with events still to publish, each with its pending events in order. */
    List<Pending> pending(String collection, int maxDocuments) {
        Query query = query(where(StoredEvent.PENDING + ".0").exists(true)).with(Sort.by("_id")).limit(maxDocuments);
        query.fields().include(StoredEvent.EVENTS).include(StoredEvent.PENDING);
        List<Pending> pending = new ArrayList<>();
        for (EventsOnly document : mongo.find(query, EventsOnly.class, collection)) {
            Set<String> ids = Set.copyOf(document.pendingEventIds() == null ? List.of() : document.pendingEventIds());
            List<EventEnvelope<?>> events = (document.events() == null ? List.<StoredEvent>of() : document.events()).stream()
                    .filter(event -> ids.contains(event.eventId())).<EventEnvelope<?>>map(StoredEvent::toEnvelope).toList();
            pending.add(new Pending(collection, document.id(), events));
        }
        return pending;
    }

    /** Reads how many documents of {@code collection} have events still to publish. */
    LongSupplier backlog(String collection) {
        return RelayBacklog.documentsWithPending(mongo, collection, StoredEvent.PENDING);
    }

    void published(String collection, String documentId, List<UUID> eventIds) {
        Update update = new Update().pullAll(StoredEvent.PENDING, eventIds.stream().map(UUID::toString).toArray());
        mongo.updateFirst(query(where("_id").is(documentId)), update, collection);
    }

    /** One document's events that still have to go to Kafka, oldest first. */
    record Pending(String collection, String documentId, List<EventEnvelope<?>> events) {

        Pending {
            events = List.copyOf(events);
        }
    }

    record EventsOnly(@Id String id, List<StoredEvent> events, List<String> pendingEventIds) {
    }
}
