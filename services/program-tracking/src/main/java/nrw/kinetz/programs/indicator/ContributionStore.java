package nrw.kinetz.programs.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

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
 *
 * <p>Which of a poll's events still wait for Kafka is kept in one announcement document per poll (collection
 * {@value #ANNOUNCEMENTS}: the ids of the documents and of their pending events), written just before the reports; so
 * the relay marks a whole poll published with one write instead of one per activity, which on a replay would double
 * the store's work. A crash between the two writes loses nothing: the poll is read again, its announcement has the
 * same id (derived from its events' ids, which derive from the activities' event ids) and is not written twice, and
 * the reports are inserted; the relay publishes only events it finds in stored documents. A retraction's event is
 * pending in the activity's own document, written in the same update as the retraction.
 */
@Component
public class ContributionStore {

    static final String COLLECTION = "contributions";
    static final String ANNOUNCEMENTS = "indicator_announcements";
    private static final int DUPLICATE_KEY = 11000;
    /** Ids per lookup: the embedded store checks each document it finds against the whole {@code $in} list. */
    private static final int IN_SLICE = 500;

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

        @Bean
        OutboxCollection indicatorAnnouncementsOutbox() {
            return OutboxCollection.index(ANNOUNCEMENTS, COLLECTION);
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
     * One poll's writes: the announcement document of the reports not stored before, the reports as one unordered
     * bulk insert, where a duplicate key means "applied before" and is not an error, then the retractions in order.
     */
    final class Batch {

        private final List<Report> reports = new ArrayList<>();
        /** The time of the last event stored, and its text: a poll's events share one instant. */
        private OffsetDateTime lastTime;
        private String lastTimeText;
        /** After {@link #execute()}: the announcement document written, by id, with its events. */
        private final Map<String, List<StoredEvent>> announced = new LinkedHashMap<>();
        private final BulkOperations retractions = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        private final List<String> retractionsAnnouncing = new ArrayList<>();
        private int retracted;

        /** A reported activity; {@code event} (may be null) is published if this is the first time it is stored. */
        void reported(Contribution c, EventEnvelope<?> event) {
            reports.add(new Report(c.activityId().toString(), c, event == null ? null : stored(event)));
        }

        private StoredEvent stored(EventEnvelope<?> event) {
            if (event.time() != lastTime) {
                lastTime = event.time();
                lastTimeText = lastTime.toString();
            }
            return StoredEvent.of(event, lastTimeText);
        }

        /**
         * A retraction: flips the activity out of the figures if it still counts (publishing {@code event}, may
         * be null), or stores it as retracted if its report never arrived, so a late report does not count.
         */
        void retracted(Contribution c, EventEnvelope<?> event) {
            Update retract = new Update().set("retracted", true).set("retractedAt", c.retractedAt());
            if (event != null) {
                StoredEvent stored = stored(event);
                retract.push(StoredEvent.EVENTS, eventDocument(stored)).push(StoredEvent.PENDING, stored.eventId());
                retractionsAnnouncing.add(c.activityId().toString());
            }
            String id = c.activityId().toString();
            retractions.updateOne(query(where("_id").is(id).and("retracted").is(false)), retract);
            Update insertOnly = new Update();
            fields(c, true).append("retractedAt", c.retractedAt()).forEach(insertOnly::setOnInsert);
            retractions.upsert(query(where("_id").is(id)), insertOnly);
            retracted++;
        }

        /**
         * @return after {@link #execute()}: the announcement document it wrote (none or one), by id, with the events
         *         it lists exactly as stored, for the relay to publish without reading them back
         */
        Map<String, List<StoredEvent>> announced() {
            return announced;
        }

        /** @return the ids of the documents a retraction may have given an event, for the relay to read by id */
        List<String> retractionsAnnouncing() {
            return retractionsAnnouncing;
        }

        void execute() {
            if (!reports.isEmpty()) {
                announce();
                try {
                    // With the driver and written field by field (Report): the template's bulk insert would map and
                    // announce each document once more, and a Document is a map whose values the driver looks a codec
                    // up for.
                    MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
                    collection.withDocumentClass(Report.class)
                            .withCodecRegistry(CodecRegistries.fromRegistries(REPORTS, collection.getCodecRegistry()))
                            .insertMany(reports, new InsertManyOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
                    if (!onlyDuplicates) {
                        throw e;
                    }
                }
            }
            if (retracted > 0) {
                retractions.execute();
            }
        }

        /** Notes the events of the reports that are new (not stored before, first of their id in this poll) as pending. */
        private void announce() {
            Set<String> stored = storedAlready();
            List<String> documents = new ArrayList<>();
            List<StoredEvent> events = new ArrayList<>();
            for (Report report : reports) {
                if (stored.add(report.id()) && report.event() != null) {
                    documents.add(report.id());
                    events.add(report.event());
                }
            }
            if (events.isEmpty()) {
                return;
            }
            List<String> eventIds = events.stream().map(StoredEvent::eventId).toList();
            String id = UUID.nameUUIDFromBytes(String.join("/", eventIds).getBytes(StandardCharsets.UTF_8)).toString();
            try {
                mongo.getCollection(ANNOUNCEMENTS).insertOne(new Document("_id", id)
                        .append(OutboxCollection.DOCUMENTS, documents).append(StoredEvent.PENDING, eventIds));
                announced.put(id, events);
            } catch (MongoWriteException e) {
                if (e.getError().getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // Written before a crash: published or pending, the relay's search has it.
            }
        }

        /** @return the ids among this poll's reports that are stored already */
        private Set<String> storedAlready() {
            List<String> ids = reports.stream().map(Report::id).toList();
            Set<String> stored = new HashSet<>();
            for (int from = 0; from < ids.size(); from += IN_SLICE) {
                mongo.getCollection(COLLECTION).find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IN_SLICE))))
                        .projection(Projections.include("_id")).forEach(d -> stored.add(d.getString("_id")));
            }
            return stored;
        }

        /** The fields of a reported activity's document besides {@code _id} and its events. */
        private static Document fields(Contribution c, boolean retracted) {
            return document(writer -> writeFields(writer, c, retracted));
        }

        private static Document eventDocument(StoredEvent e) {
            return document(writer -> writeEvent(writer, e));
        }

        /** A document as the writer methods below write it: they are the one definition of the stored shape. */
        private static Document document(Consumer<BsonWriter> fields) {
            BsonDocument bson = new BsonDocument();
            BsonDocumentWriter writer = new BsonDocumentWriter(bson);
            writer.writeStartDocument();
            fields.accept(writer);
            writer.writeEndDocument();
            return DOCUMENTS.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
        }

        /** A report's document, written straight to BSON for the poll's insert. */
        private static void write(BsonWriter writer, Report report) {
            writer.writeStartDocument();
            writer.writeString("_id", report.id());
            writeFields(writer, report.contribution(), false);
            if (report.event() != null) {
                writer.writeStartArray(StoredEvent.EVENTS);
                writer.writeStartDocument();
                writeEvent(writer, report.event());
                writer.writeEndDocument();
                writer.writeEndArray();
            }
            writer.writeEndDocument();
        }

        private static void writeFields(BsonWriter writer, Contribution c, boolean retracted) {
            writer.writeString("siteId", c.siteId().value());
            string(writer, "program", c.program() == null ? null : c.program().name());
            string(writer, "block", c.block() == null ? null : c.block().name());
            string(writer, "measureId", c.measureId());
            writer.writeInt32("budgetYear", c.budgetYear());
            writer.writeString("occurredOn", c.occurredOn().toString());
            writer.writeInt32("participants", c.metrics().participants());
            writer.writeInt32("volunteers", c.metrics().volunteers());
            writer.writeInt32("sessions", c.metrics().sessions());
            writer.writeInt32("hours", c.metrics().hours());
            writer.writeInt64("receivedAt", c.receivedAt());
            writer.writeBoolean("retracted", retracted);
        }

        private static void writeEvent(BsonWriter writer, StoredEvent e) {
            string(writer, "eventId", e.eventId());
            string(writer, "type", e.type());
            string(writer, "source", e.source());
            string(writer, "time", e.time());
            string(writer, "subject", e.subject());
            string(writer, "data", e.data());
        }

        private static void string(BsonWriter writer, String name, String value) {
            if (value == null) {
                writer.writeNull(name);
            } else {
                writer.writeString(name, value);
            }
        }
    }

    /** A reported activity's document: {@code _id}, its fields and its event (null where it has none), as stored. */
    private record Report(String id, Contribution contribution, StoredEvent event) {
    }

    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

    /** Writes reports for an insert; nothing reads them back as {@link Report}s. */
    private static final CodecRegistry REPORTS = CodecRegistries.fromCodecs(new Codec<Report>() {
        @Override
        public void encode(BsonWriter writer, Report report, EncoderContext context) {
            Batch.write(writer, report);
        }

        @Override
        public Report decode(BsonReader reader, DecoderContext context) {
            throw new UnsupportedOperationException("reports are read as documents");
        }

        @Override
        public Class<Report> getEncoderClass() {
            return Report.class;
        }
    });

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

    /** Drops the read model and its announcements (published, the rebuild makes sure), for a rebuild from the topic. */
    void clear() {
        mongo.remove(new Query(), COLLECTION);
        mongo.remove(new Query(), ANNOUNCEMENTS);
    }
}
