package nrw.kinetz.programs.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
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
import com.mongodb.client.model.Updates;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
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
 * the store's work. The announcement lists every report of the poll with an event; those the insert finds stored
 * before (a redelivery) are pulled out of it right after, before it is handed to the relay, so the store is not asked
 * about every poll's ids beforehand. A crash between the writes loses nothing: the poll is read again, its announcement
 * has the same id (derived from its events' ids, which derive from the activities' event ids) and is not written
 * twice, and the reports are inserted; the relay publishes only events it finds in stored documents, so what such a
 * crash can cost is an event published again with the same ce_id, which consumers count once. A retraction's event is
 * pending in the activity's own document, written in the same update as the retraction.
 */
@Component
public class ContributionStore {

    static final String COLLECTION = "contributions";
    static final String ANNOUNCEMENTS = "indicator_announcements";
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
        /** After {@link #execute()}: the announcement document written, by id, with its events. */
        private final Map<String, List<StoredEvent>> announced = new LinkedHashMap<>();
        private final BulkOperations retractions = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        private final List<String> retractionsAnnouncing = new ArrayList<>();
        private int retracted;

        /** A reported activity; {@code event} (may be null) is published if this is the first time it is stored. */
        void reported(Contribution c, StoredEvent event) {
            reports.add(new Report(c.activityId().toString(), c, event));
        }

        /**
         * A retraction: flips the activity out of the figures if it still counts (publishing {@code event}, may
         * be null), or stores it as retracted if its report never arrived, so a late report does not count.
         */
        void retracted(Contribution c, StoredEvent event) {
            Update retract = new Update().set("retracted", true).set("retractedAt", c.retractedAt());
            if (event != null) {
                retract.push(StoredEvent.EVENTS, eventDocument(event)).push(StoredEvent.PENDING, event.eventId());
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
                Announcement announcement = announce();
                Set<Integer> storedBefore = insert();
                if (announcement != null && !storedBefore.isEmpty()) {
                    announcement.withdraw(storedBefore);
                }
            }
            if (retracted > 0) {
                retractions.execute();
            }
        }

        /**
         * Notes the events of the poll's reports (the first of each id) as pending, before the reports are written:
         * whether a report was stored before shows in its insert, and the few that were are taken out afterwards
         * ({@link Announcement#withdraw}), which saves asking the store about every report of every poll. The caller
         * runs {@link #execute()} out of the relay's searches' way ({@code PendingEventsSignal.withoutSearch}), so the
         * relay does not see a report stored before listed in between.
         *
         * @return what was written, null where nothing was (no events, or written before a crash)
         */
        private Announcement announce() {
            Set<String> seen = new HashSet<>();
            List<Integer> positions = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            List<StoredEvent> events = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Report report = reports.get(i);
                if (seen.add(report.id()) && report.event() != null) {
                    positions.add(i);
                    documents.add(report.id());
                    events.add(report.event());
                }
            }
            if (events.isEmpty()) {
                return null;
            }
            List<String> eventIds = new ArrayList<>(events.size());
            events.forEach(event -> eventIds.add(event.eventId()));
            // the name-based id of the event ids joined by "/", digested without joining them
            String id = NameBasedIds.ofJoined(eventIds, '/').toString();
            try {
                // Written field by field (AnnouncementDocument): a Document's list is encoded looking a codec up for each
                // of its thousand strings, and BSON values are a thousand objects more.
                MongoCollection<Document> collection = mongo.getCollection(ANNOUNCEMENTS);
                collection.withDocumentClass(AnnouncementDocument.class)
                        .withCodecRegistry(CodecRegistries.fromRegistries(ANNOUNCEMENT_CODEC, collection.getCodecRegistry()))
                        .insertOne(new AnnouncementDocument(id, documents, eventIds));
            } catch (MongoWriteException e) {
                if (e.getError().getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // Written before a crash: published or pending, the relay's search has it. Which of its reports were
                // stored before that attempt cannot be told from this one, so it is left as it is: an event it lists
                // of a report stored before is at worst published again, with the same ce_id.
                return null;
            }
            Announcement announcement = new Announcement(id, positions, events);
            announced.put(id, announcement.events);
            return announcement;
        }

        /** Inserts the reports; @return the positions of those stored before (a duplicate id: applied before) */
        private Set<Integer> insert() {
            try {
                // With the driver and written field by field (Report): the template's bulk insert would map and
                // announce each document once more, and a Document is a map whose values the driver looks a codec
                // up for.
                MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
                collection.withDocumentClass(Report.class)
                        .withCodecRegistry(CodecRegistries.fromRegistries(REPORTS, collection.getCodecRegistry()))
                        .insertMany(reports, new InsertManyOptions().ordered(false));
                return Set.of();
            } catch (MongoBulkWriteException e) {
                Set<Integer> duplicates = new HashSet<>();
                for (var error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    duplicates.add(error.getIndex());
                }
                return duplicates;
            }
        }

        /** The announcement document this batch wrote: its events, by the position of their report in the batch. */
        private final class Announcement {

            private final String id;
            private final List<Integer> positions;
            /** Handed to the relay after {@link #execute()}: the events of the reports that were new. */
            private final List<StoredEvent> events;

            Announcement(String id, List<Integer> positions, List<StoredEvent> events) {
                this.id = id;
                this.positions = positions;
                this.events = new ArrayList<>(events);
            }

            /**
             * Takes the reports stored before out of the document (their events were announced when they were
             * stored), pulling only their own ids, so a relay that marked the document in between loses nothing; a
             * document left with none is deleted.
             */
            void withdraw(Set<Integer> storedBefore) {
                List<String> documents = new ArrayList<>();
                List<String> eventIds = new ArrayList<>();
                List<StoredEvent> kept = new ArrayList<>();
                for (int i = 0; i < positions.size(); i++) {
                    StoredEvent event = events.get(i);
                    if (storedBefore.contains(positions.get(i))) {
                        documents.add(reports.get(positions.get(i)).id());
                        eventIds.add(event.eventId());
                    } else {
                        kept.add(event);
                    }
                }
                if (eventIds.isEmpty()) {
                    return;
                }
                if (kept.isEmpty()) {
                    // a poll read again as a whole: nothing of it to announce
                    mongo.getCollection(ANNOUNCEMENTS).deleteOne(Filters.eq("_id", id));
                    announced.remove(id);
                } else {
                    mongo.getCollection(ANNOUNCEMENTS).updateOne(Filters.eq("_id", id), Updates.combine(
                            Updates.pullAll(StoredEvent.PENDING, eventIds), Updates.pullAll(OutboxCollection.DOCUMENTS, documents)));
                    events.clear();
                    events.addAll(kept);
                }
            }
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

    /** An announcement document as written: its id, the documents holding its events and the events' ids, pending. */
    record AnnouncementDocument(String id, List<String> documents, List<String> pendingEventIds) {

        static void write(BsonWriter writer, AnnouncementDocument announcement) {
            writer.writeStartDocument();
            writer.writeString("_id", announcement.id());
            strings(writer, OutboxCollection.DOCUMENTS, announcement.documents());
            strings(writer, StoredEvent.PENDING, announcement.pendingEventIds());
            writer.writeEndDocument();
        }

        private static void strings(BsonWriter writer, String name, List<String> values) {
            writer.writeStartArray(name);
            values.forEach(writer::writeString);
            writer.writeEndArray();
        }
    }

    /** Writes announcements for an insert; they are read back as documents. */
    private static final CodecRegistry ANNOUNCEMENT_CODEC = CodecRegistries.fromCodecs(
            new WriteOnly<>(AnnouncementDocument.class) {
                @Override
                public void encode(BsonWriter writer, AnnouncementDocument announcement, EncoderContext context) {
                    AnnouncementDocument.write(writer, announcement);
                }
            });

    /**
     * Writes reports for an insert; nothing reads them back as {@link Report}s. Calls the writer method itself, not
     * through a function: the compiler compiles each hot method with all it inlines (here the driver's writers), and a
     * function in between was one more such compilation of the replay's largest code, in its measured rounds.
     */
    private static final CodecRegistry REPORTS = CodecRegistries.fromCodecs(new WriteOnly<>(Report.class) {
        @Override
        public void encode(BsonWriter writer, Report report, EncoderContext context) {
            Batch.write(writer, report);
        }
    });

    /** A codec that writes {@code type} field by field for an insert; such documents are read back as documents. */
    private abstract static class WriteOnly<T> implements Codec<T> {

        private final Class<T> type;

        WriteOnly(Class<T> type) {
            this.type = type;
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            throw new UnsupportedOperationException(type.getSimpleName() + " is written only, and read as a document");
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
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

    /** Drops the read model and its announcements (published, the rebuild makes sure), for a rebuild from the topic. */
    void clear() {
        mongo.remove(new Query(), COLLECTION);
        mongo.remove(new Query(), ANNOUNCEMENTS);
    }
}
