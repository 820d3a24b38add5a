package nrw.kinetz.programs.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
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
 * by construction — a report is an insert that a duplicate id turns into nothing, a retraction flips a flag that
 * is still down — so redelivery, client retries with the same id and replays change nothing. The
 * {@code IndicatorProgressed} event an activity causes is written in the same document write.
 */
@Component
public class ContributionStore {

    static final String COLLECTION = "contributions";
    private static final int DUPLICATE_KEY = 11000;

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

    /**
     * One poll's writes: reports as one unordered bulk insert, where a duplicate key means "applied before" and is
     * not an error (this is what makes a replay as fast as the store's raw bulk insert of the same documents),
     * then the retractions in order.
     */
    final class Batch {

        private final List<Document> reports = new ArrayList<>();
        private final BulkOperations retractions = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        private int retracted;

        /** A reported activity; {@code event} (may be null) is published if this is the first time it is stored. */
        void reported(Contribution c, EventEnvelope<?> event) {
            Document document = fields(c, false).append("_id", c.activityId().toString());
            if (event != null) {
                StoredEvent stored = StoredEvent.of(event);
                document.append(StoredEvent.EVENTS, List.of(eventDocument(stored)))
                        .append(StoredEvent.PENDING, List.of(stored.eventId()));
            }
            reports.add(document);
        }

        /**
         * A retraction: flips the activity out of the figures if it still counts (publishing {@code event}, may
         * be null), or stores it as retracted if its report never arrived, so a late report does not count.
         */
        void retracted(Contribution c, EventEnvelope<?> event) {
            Update retract = new Update().set("retracted", true).set("retractedAt", c.retractedAt());
            if (event != null) {
                StoredEvent stored = StoredEvent.of(event);
                retract.push(StoredEvent.EVENTS, eventDocument(stored)).push(StoredEvent.PENDING, stored.eventId());
            }
            String id = c.activityId().toString();
            retractions.updateOne(query(where("_id").is(id).and("retracted").is(false)), retract);
            Update insertOnly = new Update();
            fields(c, true).append("retractedAt", c.retractedAt()).forEach(insertOnly::setOnInsert);
            retractions.upsert(query(where("_id").is(id)), insertOnly);
            retracted++;
        }

        void execute() {
            if (!reports.isEmpty()) {
                try {
                    mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(reports).execute();
                } catch (BulkOperationException e) {
                    boolean onlyDuplicates = e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
                    if (!onlyDuplicates) {
                        throw e;
                    }
                }
            }
            if (retracted > 0) {
                retractions.execute();
            }
        }

        private static Document fields(Contribution c, boolean retracted) {
            return new Document()
                    .append("siteId", c.siteId().value())
                    .append("program", c.program() == null ? null : c.program().name())
                    .append("block", c.block() == null ? null : c.block().name())
                    .append("measureId", c.measureId())
                    .append("budgetYear", c.budgetYear())
                    .append("occurredOn", c.occurredOn().toString())
                    .append("participants", c.metrics().participants())
                    .append("volunteers", c.metrics().volunteers())
                    .append("sessions", c.metrics().sessions())
                    .append("hours", c.metrics().hours())
                    .append("receivedAt", c.receivedAt())
                    .append("retracted", retracted);
        }

        private static Document eventDocument(StoredEvent e) {
            return new Document("eventId", e.eventId()).append("type", e.type()).append("source", e.source())
                    .append("time", e.time()).append("subject", e.subject()).append("data", e.data());
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
