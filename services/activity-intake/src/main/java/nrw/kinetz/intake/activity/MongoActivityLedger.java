package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;

import nrw.kinetz.infra.failure.Failures;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;

/**
 * The {@link ActivityLedger} in the intake's own MongoDB database: claims in {@code activities}, one document
 * per acknowledged request in {@code batches}.
 *
 * <p>An id is claimed by an insert with the id as {@code _id}, so that of two requests racing with one id
 * exactly one binds it — single-document atomicity, which every MongoDB has. This costs one bulk insert per
 * request and one small insert per request, instead of a second write per activity.
 */
class MongoActivityLedger implements ActivityLedger {

    static final String ACTIVITIES = "activities";
    static final String BATCHES = "batches";

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    MongoActivityLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Claims the ids of {@code reports} for {@code batch}, one unordered bulk insert. An id another site holds is
     * claimed again under its site-scoped form, a second insert that only such a collision costs.
     *
     * @throws LedgerUnavailableException if the store does not answer
     */
    @Override
    public Claimed claim(String batch, List<Pending> reports) {
        if (reports.isEmpty()) {
            return Claimed.NOTHING_TAKEN;
        }
        Set<UUID> taken = insert(batch, reports);
        if (taken.isEmpty()) {
            return Claimed.NOTHING_TAKEN;
        }
        Map<UUID, SiteId> sites = new HashMap<>();
        reports.stream().filter(p -> taken.contains(p.report().activityId()))
                .forEach(p -> sites.put(p.report().activityId(), p.report().siteId()));
        Map<UUID, Claim> own = new HashMap<>(findOwn(sites));
        List<Pending> elsewhere = new ArrayList<>();
        for (Pending pending : reports) {
            UUID id = pending.report().activityId();
            if (taken.contains(id) && !own.containsKey(id)) {
                elsewhere.add(new Pending(renamed(pending.report()), pending.hash()));
            }
        }
        Map<UUID, ActivityReported> renamed = new HashMap<>();
        if (!elsewhere.isEmpty()) {
            Set<UUID> raced = insert(batch, elsewhere);
            Map<UUID, SiteId> racedSites = new HashMap<>();
            for (Pending pending : elsewhere) {
                UUID sent = sentId(pending, reports);
                if (raced.contains(pending.report().activityId())) {
                    racedSites.put(sent, pending.report().siteId());
                } else {
                    renamed.put(sent, pending.report());
                }
            }
            own.putAll(findOwn(racedSites));
        }
        return new Claimed(own, renamed);
    }

    /** @return the ids of {@code reports} that were claimed already */
    private Set<UUID> insert(String batch, List<Pending> reports) {
        List<RawBsonDocument> documents = new ArrayList<>(reports.size());
        long now = System.currentTimeMillis();
        for (Pending pending : reports) {
            documents.add(claimBson(pending, batch, now));
        }
        try {
            activities().withDocumentClass(RawBsonDocument.class).insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return taken("claiming activity ids", e, reports);
        } catch (MongoException e) {
            throw failure("claiming activity ids", e);
        }
    }

    private static ActivityReported renamed(ActivityReported report) {
        return new ActivityReported(ActivityLedger.siteScoped(report.siteId(), report.activityId()), report.siteId(),
                report.occurredOn(), report.field(), report.focusArea(), report.activityType(), report.program(),
                report.block(), report.measureId(), report.metrics(), report.note());
    }

    /** The id the site sent for a renamed report. */
    private static UUID sentId(Pending renamed, List<Pending> reports) {
        return reports.stream().map(p -> p.report().activityId())
                .filter(id -> ActivityLedger.siteScoped(renamed.report().siteId(), id).equals(renamed.report().activityId()))
                .findFirst().orElseThrow();
    }

    /**
     * Restores the claims of reports found in the topic: a missing claim is inserted, an unconfirmed one with
     * the same content is confirmed, both in the always confirmed batch {@value #RECOVERED}. A claim with
     * other content than the topic's first report of its id is left alone.
     *
     * @param reports in topic order
     * @return how many claims were missing
     */
    @Override
    public int restore(List<Pending> reports) {
        if (reports.isEmpty()) {
            return 0;
        }
        Map<UUID, Pending> first = new java.util.LinkedHashMap<>();
        reports.forEach(pending -> first.putIfAbsent(pending.report().activityId(), pending));
        Map<UUID, Claim> existing = find(first.keySet());
        Set<String> confirmed = acknowledged(existing.values().stream().map(Claim::batch).collect(java.util.stream.Collectors.toSet()));
        Date now = new Date();
        List<Document> missing = new ArrayList<>();
        List<Pending> missingPending = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        first.forEach((id, pending) -> {
            Claim claim = existing.get(id);
            if (claim == null) {
                missing.add(claimDocument(pending, RECOVERED, now));
                missingPending.add(pending);
            } else if (claim.hash().equals(pending.hash()) && !confirmed.contains(claim.batch())) {
                unconfirmed.add(id.toString());
            }
        });
        if (missing.isEmpty() && unconfirmed.isEmpty()) {
            return 0;
        }
        try {
            batches().updateOne(Filters.eq("_id", RECOVERED), Updates.setOnInsert("acknowledgedAt", now),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            if (!unconfirmed.isEmpty()) {
                activities().updateMany(Filters.in("_id", unconfirmed), Updates.set("batch", RECOVERED));
            }
            if (!missing.isEmpty()) {
                try {
                    activities().insertMany(missing, new InsertManyOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    taken("restoring activity claims", e, missingPending); // a request claimed them meanwhile
                }
            }
        } catch (MongoException e) {
            throw failure("restoring activity claims", e);
        }
        return missing.size();
    }

    /** The ids a bulk insert found taken; any other write error is a fault of the store. */
    private static Set<UUID> taken(String what, MongoBulkWriteException e, List<Pending> reports) {
        Set<UUID> taken = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (error.getCode() != DUPLICATE_KEY && ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw new LedgerFaultException(what + " failed: the store refused a write (error " + error.getCode()
                        + "): " + error.getMessage(), e);
            }
            taken.add(reports.get(error.getIndex()).report().activityId());
        }
        if (e.getWriteConcernError() != null) {
            throw new LedgerUnavailableException(what + " was not confirmed: " + e.getWriteConcernError().getMessage(), e);
        }
        return taken;
    }

    /**
     * Tells an outage (the store does not answer, or cannot confirm the write concern now: retry later) from a
     * fault (the store answered and refused: retrying the same request will not help).
     */
    static LedgerException failure(String what, MongoException e) {
        return Failures.isOutage(e) ? new LedgerUnavailableException(what + " failed: " + e.getMessage(), e)
                : new LedgerFaultException(what + " failed: the store refused it: " + e.getMessage(), e);
    }

    static Document claimDocument(Pending pending, String batch, Date now) {
        ActivityReported report = pending.report();
        return new Document("_id", report.activityId().toString())
                .append("site", report.siteId().value())
                .append("hash", pending.hash())
                .append("batch", batch)
                .append("claimedAt", now)
                .append("report", document(report));
    }

    /**
     * The same claim as {@link #claimDocument}, written straight to BSON bytes: the driver's encoding of a
     * {@link Document} looks up a codec for every value, and its BSON writer encodes texts character by character,
     * which together cost as much CPU as the store's own work on the insert; a raw document is copied as it is.
     * A note or measure reference with a surrogate goes the driver's way, which alone decides how such text is
     * stored.
     */
    static RawBsonDocument claimBson(Pending pending, String batch, long now) {
        ActivityReported report = pending.report();
        if (hasSurrogate(report.note()) || hasSurrogate(report.measureId())) {
            return new RawBsonDocument(claimDocument(pending, batch, new Date(now)), CLAIM_CODEC);
        }
        String id = report.activityId().toString();
        String site = report.siteId().value();
        // a claim without note and measure reference takes about 460 bytes
        Bson bson = new Bson(512 + 3 * (length(report.note()) + length(report.measureId())));
        int claim = bson.startDocument();
        bson.string("_id", id);
        bson.string("site", site);
        bson.string("hash", pending.hash());
        bson.string("batch", batch);
        bson.dateTime("claimedAt", now);
        int body = bson.startDocument("report");
        bson.string("activityId", id);
        bson.string("siteId", site);
        bson.string("occurredOn", report.occurredOn().toString());
        bson.string("field", report.field().name());
        bson.string("focusArea", report.focusArea().name());
        bson.string("activityType", report.activityType().name());
        if (report.program() != null) {
            bson.string("program", report.program().name());
        }
        if (report.block() != null) {
            bson.string("block", report.block().name());
        }
        if (report.measureId() != null) {
            bson.string("measureId", report.measureId());
        }
        int metrics = bson.startDocument("metrics");
        bson.int32("participants", report.metrics().participants());
        bson.int32("volunteers", report.metrics().volunteers());
        bson.int32("sessions", report.metrics().sessions());
        bson.int32("hours", report.metrics().hours());
        bson.endDocument(metrics);
        if (report.note() != null) {
            bson.string("note", report.note());
        }
        bson.endDocument(body);
        bson.endDocument(claim);
        return new RawBsonDocument(bson.bytes, 0, bson.length);
    }

    private static final org.bson.codecs.Codec<Document> CLAIM_CODEC = new org.bson.codecs.DocumentCodec();

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static boolean hasSurrogate(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A BSON document written into a growing array (little-endian lengths, element names as C strings). */
    private static final class Bson {

        private static final byte STRING = 0x02;
        private static final byte DOCUMENT = 0x03;
        private static final byte DATE_TIME = 0x09;
        private static final byte INT32 = 0x10;

        byte[] bytes;
        int length;

        Bson(int capacity) {
            bytes = new byte[capacity];
        }

        int startDocument() {
            int start = length;
            ensure(4);
            length += 4;
            return start;
        }

        int startDocument(String name) {
            element(DOCUMENT, name);
            return startDocument();
        }

        void endDocument(int start) {
            ensure(1);
            bytes[length++] = 0;
            putInt(start, length - start);
        }

        void string(String name, String value) {
            element(STRING, name);
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            ensure(5 + text.length);
            putInt(length, text.length + 1);
            System.arraycopy(text, 0, bytes, length + 4, text.length);
            length += 4 + text.length;
            bytes[length++] = 0;
        }

        void int32(String name, int value) {
            element(INT32, name);
            ensure(4);
            putInt(length, value);
            length += 4;
        }

        void dateTime(String name, long millis) {
            element(DATE_TIME, name);
            ensure(8);
            putInt(length, (int) millis);
            putInt(length + 4, (int) (millis >>> 32));
            length += 8;
        }

        /** Names are the ledger's own ASCII constants. */
        private void element(byte type, String name) {
            ensure(2 + name.length());
            bytes[length++] = type;
            for (int i = 0; i < name.length(); i++) {
                bytes[length++] = (byte) name.charAt(i);
            }
            bytes[length++] = 0;
        }

        private void putInt(int at, int value) {
            bytes[at] = (byte) value;
            bytes[at + 1] = (byte) (value >>> 8);
            bytes[at + 2] = (byte) (value >>> 16);
            bytes[at + 3] = (byte) (value >>> 24);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** The claims of these ids that exist. */
    @Override
    public Map<UUID, Claim> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Claim> claims = new HashMap<>();
        try {
            for (Document document : activities().find(Filters.in("_id", ids.stream().map(UUID::toString).toList()))) {
                Claim claim = claim(document);
                claims.put(claim.id(), claim);
            }
        } catch (MongoException e) {
            throw failure("reading activity claims", e);
        }
        return claims;
    }

    /** Of these batches, the ones whose reports Kafka acknowledged. */
    @Override
    public Set<String> acknowledged(Collection<String> batches) {
        if (batches.isEmpty()) {
            return Set.of();
        }
        Set<String> acknowledged = new HashSet<>();
        try {
            for (Document document : batches().find(Filters.in("_id", Set.copyOf(batches)))) {
                acknowledged.add(document.getString("_id"));
            }
        } catch (MongoException e) {
            throw failure("reading batches", e);
        }
        return acknowledged;
    }

    /** Frees the claims {@code batch} made, when it will not publish them (an atomic request that failed). */
    @Override
    public void release(String batch, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            activities().deleteMany(Filters.and(Filters.in("_id", ids.stream().map(UUID::toString).toList()),
                    Filters.eq("batch", batch)));
        } catch (MongoException e) {
            // Left behind, the claims only make a retry with other content for these ids a conflict; the same
            // content is still accepted, so the request's answer does not depend on this cleanup.
            throw failure("releasing claims", e);
        }
    }

    /**
     * Records that Kafka acknowledged every report of {@code batch}: first the claims of earlier, unconfirmed
     * requests that this batch published again move to it, then the batch document is written.
     */
    @Override
    public void acknowledge(String batch, int published, Collection<UUID> republished) {
        try {
            if (!republished.isEmpty()) {
                activities().updateMany(Filters.in("_id", republished.stream().map(UUID::toString).toList()),
                        Updates.set("batch", batch));
            }
            batches().insertOne(new Document("_id", batch).append("acknowledgedAt", new Date()).append("published", published));
        } catch (MongoException e) {
            throw failure("confirming the batch", e);
        }
    }

    /**
     * Notes a retraction before it is published, unless one was noted already.
     *
     * @return the retraction that holds: the first one noted
     */
    @Override
    public Retraction noteRetraction(UUID activityId, UUID retractionId, String reason) {
        try {
            Document retraction = new Document("id", retractionId.toString()).append("acknowledged", false)
                    .append("requestedAt", new Date());
            if (reason != null) {
                retraction.append("reason", reason);
            }
            activities().updateOne(Filters.and(Filters.eq("_id", activityId.toString()), Filters.exists("retraction", false)),
                    Updates.set("retraction", retraction));
        } catch (MongoException e) {
            throw failure("noting the retraction", e);
        }
        return find(activityId).map(Claim::retraction)
                .orElseThrow(() -> new IllegalStateException("claim of " + activityId + " vanished"));
    }

    @Override
    public void acknowledgeRetraction(UUID activityId) {
        try {
            activities().updateOne(Filters.eq("_id", activityId.toString()),
                    Updates.combine(Updates.set("retraction.acknowledged", true),
                            Updates.set("retraction.acknowledgedAt", new Date())));
        } catch (MongoException e) {
            throw failure("confirming the retraction", e);
        }
    }

    private static Claim claim(Document document) {
        Document retraction = document.get("retraction", Document.class);
        return new Claim(UUID.fromString(document.getString("_id")), document.getString("hash"),
                document.getString("batch"), report(document.get("report", Document.class)),
                retraction == null ? null : new Retraction(UUID.fromString(retraction.getString("id")),
                        retraction.getString("reason"), Boolean.TRUE.equals(retraction.getBoolean("acknowledged"))));
    }

    /**
     * The report as a sub-document with the field names of the event payload, written field by field: going
     * through JSON text would cost as much as the insert itself.
     */
    static Document document(ActivityReported report) {
        Document metrics = new Document("participants", report.metrics().participants())
                .append("volunteers", report.metrics().volunteers())
                .append("sessions", report.metrics().sessions())
                .append("hours", report.metrics().hours());
        Document document = new Document("activityId", report.activityId().toString())
                .append("siteId", report.siteId().value())
                .append("occurredOn", report.occurredOn().toString())
                .append("field", report.field().name())
                .append("focusArea", report.focusArea().name())
                .append("activityType", report.activityType().name());
        appendIfPresent(document, "program", report.program() == null ? null : report.program().name());
        appendIfPresent(document, "block", report.block() == null ? null : report.block().name());
        appendIfPresent(document, "measureId", report.measureId());
        document.append("metrics", metrics);
        appendIfPresent(document, "note", report.note());
        return document;
    }

    static ActivityReported report(Document document) {
        Document metrics = document.get("metrics", Document.class);
        String program = document.getString("program");
        String block = document.getString("block");
        return new ActivityReported(UUID.fromString(document.getString("activityId")), SiteId.of(document.getString("siteId")),
                LocalDate.parse(document.getString("occurredOn")), Field.valueOf(document.getString("field")),
                FocusArea.valueOf(document.getString("focusArea")), ActivityType.valueOf(document.getString("activityType")),
                program == null ? null : Program.valueOf(program), block == null ? null : Program.Block.valueOf(block),
                document.getString("measureId"),
                new ActivityMetrics(metrics.getInteger("participants"), metrics.getInteger("volunteers"),
                        metrics.getInteger("sessions"), metrics.getInteger("hours")),
                document.getString("note"));
    }

    private static void appendIfPresent(Document document, String name, Object value) {
        if (value != null) {
            document.append(name, value);
        }
    }

    private MongoCollection<Document> activities() {
        return mongo.getCollection(ACTIVITIES);
    }

    private MongoCollection<Document> batches() {
        return mongo.getCollection(BATCHES);
    }
}
