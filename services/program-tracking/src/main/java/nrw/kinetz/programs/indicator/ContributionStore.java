package nrw.kinetz.programs.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.programs.outbox.OutboxCollection;
import nrw.kinetz.programs.outbox.StoredEvent;

/**
 * The read model "contributions": one document per activity, {@code _id} = activity id. Writing is idempotent
 * by construction — a report is an upsert that only sets fields on insert, a retraction flips a flag that is
 * still down — so redelivery, client retries with the same id and replays change nothing. The
 * {@code IndicatorProgressed} event an activity causes is written in the same document write.
 */
@Component
public class ContributionStore {

    static final String COLLECTION = "contributions";

    private final MongoTemplate mongo;

    ContributionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutboxCollection contributionsOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    record ContributionDocument(@Id String id, String siteId, String program, String block, String measureId,
            int budgetYear, String occurredOn, int participants, int volunteers, int sessions, int hours, long receivedAt,
            boolean retracted, Long retractedAt) {

        Contribution toContribution() {
            return new Contribution(UUID.fromString(id), SiteId.of(siteId), program == null ? null : Program.valueOf(program),
                    block == null ? null : Program.Block.valueOf(block), measureId, LocalDate.parse(occurredOn),
                    new ActivityMetrics(participants, volunteers, sessions, hours), receivedAt, retractedAt);
        }
    }

    /** One batch of writes, applied in order in one round trip. */
    final class Batch {

        private final BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        private int size;

        /** A reported activity; {@code event} (may be null) is published if this is the first time it is stored. */
        void reported(Contribution c, EventEnvelope<?> event) {
            Update update = insertOnly(c, false);
            if (event != null) {
                StoredEvent stored = StoredEvent.of(event);
                update.setOnInsert(StoredEvent.EVENTS, List.of(stored)).setOnInsert(StoredEvent.PENDING, List.of(stored.eventId()));
            }
            bulk.upsert(query(where("_id").is(c.activityId().toString())), update);
            size++;
        }

        /**
         * A retraction: flips the activity out of the figures if it still counts (publishing {@code event}, may
         * be null), or stores it as retracted if its report never arrived, so a late report does not count.
         */
        void retracted(Contribution c, EventEnvelope<?> event) {
            Update retract = new Update().set("retracted", true).set("retractedAt", c.retractedAt());
            if (event != null) {
                StoredEvent stored = StoredEvent.of(event);
                retract.push(StoredEvent.EVENTS, stored).push(StoredEvent.PENDING, stored.eventId());
            }
            String id = c.activityId().toString();
            bulk.updateOne(query(where("_id").is(id).and("retracted").is(false)), retract);
            bulk.upsert(query(where("_id").is(id)), insertOnly(c, true).setOnInsert("retractedAt", c.retractedAt()));
            size += 2;
        }

        private static Update insertOnly(Contribution c, boolean retracted) {
            return new Update()
                    .setOnInsert("siteId", c.siteId().value())
                    .setOnInsert("program", c.program() == null ? null : c.program().name())
                    .setOnInsert("block", c.block() == null ? null : c.block().name())
                    .setOnInsert("measureId", c.measureId())
                    .setOnInsert("budgetYear", c.budgetYear())
                    .setOnInsert("occurredOn", c.occurredOn().toString())
                    .setOnInsert("participants", c.metrics().participants())
                    .setOnInsert("volunteers", c.metrics().volunteers())
                    .setOnInsert("sessions", c.metrics().sessions())
                    .setOnInsert("hours", c.metrics().hours())
                    .setOnInsert("receivedAt", c.receivedAt())
                    .setOnInsert("retracted", retracted);
        }

        void execute() {
            if (size > 0) {
                bulk.execute();
            }
        }
    }

    Batch batch() {
        return new Batch();
    }

    /** Every contribution of a site in a budget year, retracted ones included (figures as of a time need them). */
    public List<Contribution> of(SiteId siteId, int budgetYear) {
        Query query = query(where("siteId").is(siteId.value()).and("budgetYear").is(budgetYear));
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING);
        return mongo.find(query, ContributionDocument.class, COLLECTION).stream().map(ContributionDocument::toContribution)
                .toList();
    }

    /** Every contribution of a site that names a measure and still counts. */
    public List<Contribution> withMeasure(SiteId siteId) {
        Query query = query(where("siteId").is(siteId.value()).and("measureId").ne(null).and("retracted").is(false));
        query.fields().exclude(StoredEvent.EVENTS).exclude(StoredEvent.PENDING);
        return mongo.find(query, ContributionDocument.class, COLLECTION).stream().map(ContributionDocument::toContribution)
                .toList();
    }

    /** Drops the read model, for a rebuild from the topic. */
    void clear() {
        mongo.remove(new Query(), COLLECTION);
    }
}
