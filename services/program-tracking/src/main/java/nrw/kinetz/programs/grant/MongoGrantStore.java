package nrw.kinetz.programs.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.programs.grant.domain.Grant;
import nrw.kinetz.programs.grant.domain.GrantStatus;
import nrw.kinetz.programs.grant.domain.ProofStatus;
import nrw.kinetz.programs.outbox.OutboxCollection;
import nrw.kinetz.programs.outbox.StoredEvent;

/**
 * {@link GrantStore} on MongoDB with single-document writes only, atomic on every MongoDB and on the embedded
 * wire server, which has no transactions: every change is a compare-and-set on the grant's version.
 */
@Component
class MongoGrantStore implements GrantStore {

    static final String COLLECTION = "grants";

    private final MongoTemplate mongo;

    MongoGrantStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(GrantDocument.SLOT, Sort.Direction.ASC).unique());
    }

    /** The relay publishes what this collection holds pending. */
    @Configuration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutboxCollection grantsOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    @Override
    public Optional<StoredGrant> find(UUID grantId) {
        return Optional.ofNullable(mongo.findOne(withoutEvents(query(where("_id").is(grantId.toString()))), GrantDocument.class))
                .map(GrantDocument::toStoredGrant);
    }

    @Override
    public boolean insert(Grant grant, List<EventEnvelope<?>> events) {
        List<StoredEvent> stored = StoredEvent.all(events);
        try {
            mongo.insert(GrantDocument.of(grant, 1, stored, stored.stream().map(StoredEvent::eventId).toList()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean update(Grant grant, long expectedVersion, List<EventEnvelope<?>> events) {
        GrantDocument next = GrantDocument.of(grant, expectedVersion + 1, List.of(), List.of());
        List<StoredEvent> stored = StoredEvent.all(events);
        Update update = new Update()
                .set(GrantDocument.SLOT, next.slot())
                .set("status", next.status())
                .set("grantedCents", next.grantedCents())
                .set("disbursedCents", next.disbursedCents())
                .set("passedOnCents", next.passedOnCents())
                .set("proofStatus", next.proofStatus())
                .set("proofOfUseDue", next.proofOfUseDue())
                .set("repaymentCents", next.repaymentCents())
                .set("decisions", next.decisions())
                .set("disbursements", next.disbursements())
                .set("subGrants", next.subGrants())
                .set("proof", next.proof())
                .inc(GrantDocument.VERSION, 1);
        update.push(StoredEvent.EVENTS).each(stored.toArray());
        update.push(StoredEvent.PENDING).each(StoredEvent.ids(stored));
        Query current = query(where("_id").is(next.id()).and(GrantDocument.VERSION).is(expectedVersion));
        return mongo.updateFirst(current, update, GrantDocument.class).getModifiedCount() == 1;
    }

    @Override
    public List<StoredGrant> list(GrantFilter filter, int offset, int limit) {
        Query query = withoutEvents(query(criteria(filter)))
                .with(Sort.by("siteId", "budgetYear", "program", "block", "_id")).skip(offset).limit(limit);
        return mongo.find(query, GrantDocument.class).stream().map(GrantDocument::toStoredGrant).toList();
    }

    @Override
    public long count(GrantFilter filter) {
        return mongo.count(query(criteria(filter)), GrantDocument.class);
    }

    @Override
    public List<StoredGrant> overdueProofs(LocalDate today) {
        Query query = withoutEvents(query(where("status").is(GrantStatus.APPROVED.name())
                .and("proofStatus").in(ProofStatus.OPEN.name(), ProofStatus.RETURNED.name())
                .and("proofOfUseDue").lt(today.toString())))
                .with(Sort.by("proofOfUseDue", "siteId", "_id"));
        return mongo.find(query, GrantDocument.class).stream().map(GrantDocument::toStoredGrant).toList();
    }

    private static Criteria criteria(GrantFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (!filter.sites().isEmpty()) {
            all.add(where("siteId").in(filter.sites().stream().map(SiteId::value).sorted().toList()));
        }
        if (!filter.programs().isEmpty()) {
            all.add(where("program").in(names(filter.programs())));
        }
        if (!filter.years().isEmpty()) {
            all.add(where("budgetYear").in(filter.years().stream().sorted().toList()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(where("status").in(names(filter.statuses())));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static Query withoutEvents(Query query) {
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING);
        return query;
    }
}
