package nrw.kinetz.reporting.catalog.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The read model "catalog" in reporting's own database: one document per offering with what counting needs —
 * never who registered: registrations are the catalog's random ids. The registrations that are confirmed and those
 * that wait are sets kept as sub-documents (registration id to {@code true}), so that one update can put one
 * registration in and take another out ({@code $set} and {@code $unset} of their own fields; an array would need
 * {@code $addToSet} and {@code $pullAll} on the same field, which one update may not do). Every change has set
 * semantics, so a redelivered or replayed record changes nothing, and one offering's records arrive in order (key =
 * offering id); a poll's updates go to the store together, in that order ({@link Batch}).
 */
@Repository
public class MongoCatalogOfferings {

    public static final String COLLECTION = "catalog_offerings";
    /** Which offerings a poll changed, one document per poll, until the feed relay has fed them. */
    public static final String ANNOUNCEMENTS = "catalog_announcements";
    private static final String OFFERINGS = "offerings";

    private final MongoOperations mongo;
    /** Whether documents of the earlier shape were looked for since start ({@link #upgrade}). */
    private volatile boolean upgraded;

    public MongoCatalogOfferings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * An offering as read (never written as such: {@link Batch} writes the changes).
     *
     * @param organiserSite site id, null for the LaKI
     * @param month         year and month of the first session in Berlin, e.g. {@code 2027-03}
     * @param capacity      null, as the other details, until the offering's details have arrived (a registration may
     *                      come first)
     * @param confirmed     the confirmed registrations' ids (stored as a set of fields: registration id to {@code true})
     * @param waitlisted    the waitlisted registrations' ids, the same way
     * @param attended      check-ins, {@code <registration id>:<session>}
     */
    public record OfferingDocument(String id, String organiserSite, String type, String focusArea, String month, Integer capacity,
            Integer sessions, String status, Set<String> confirmed, Set<String> waitlisted, List<String> attended,
            long revision) {

        /** Cancelled offerings, and those whose details have not arrived, count nothing. */
        boolean counts() {
            return status != null && !"CANCELLED".equals(status) && month != null;
        }
    }

    /**
     * Reads offerings straight from BSON: the template's mapping converted every registration of the sets one by one
     * (most of the feed relay's time on a replay). Registrations stored as arrays (the earlier shape, before
     * {@link #upgrade}) are read as well.
     */
    private static final Codec<OfferingDocument> READER = new Codec<>() {
        @Override
        public OfferingDocument decode(BsonReader reader, DecoderContext context) {
            String id = null;
            String organiserSite = null;
            String type = null;
            String focusArea = null;
            String month = null;
            Integer capacity = null;
            Integer sessions = null;
            String status = null;
            Set<String> confirmed = Set.of();
            Set<String> waitlisted = Set.of();
            List<String> attended = List.of();
            long revision = 0;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "_id" -> id = text(reader);
                    case "organiserSite" -> organiserSite = text(reader);
                    case "type" -> type = text(reader);
                    case "focusArea" -> focusArea = text(reader);
                    case "month" -> month = text(reader);
                    case "status" -> status = text(reader);
                    case "capacity" -> capacity = number(reader).intValue();
                    case "sessions" -> sessions = number(reader).intValue();
                    case REVISION -> revision = number(reader).longValue();
                    case CONFIRMED -> confirmed = members(reader);
                    case WAITLISTED -> waitlisted = members(reader);
                    case ATTENDED -> attended = List.copyOf(members(reader));
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            return new OfferingDocument(id, organiserSite, type, focusArea, month, capacity, sessions, status, confirmed,
                    waitlisted, attended, revision);
        }

        @Override
        public void encode(BsonWriter writer, OfferingDocument value, EncoderContext context) {
            throw new UnsupportedOperationException("offerings are written as changes (Batch)");
        }

        @Override
        public Class<OfferingDocument> getEncoderClass() {
            return OfferingDocument.class;
        }
    };

    private static String text(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return null;
        }
        return reader.readString();
    }

    private static Number number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> reader.readDouble();
            default -> {
                reader.skipValue();
                yield 0;
            }
        };
    }

    /** The members of a set of fields (their names), or of an array (its strings), in their order. */
    private static Set<String> members(BsonReader reader) {
        Set<String> members = new LinkedHashSet<>();
        switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> {
                reader.readStartDocument();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    members.add(reader.readName());
                    reader.skipValue();
                }
                reader.readEndDocument();
            }
            case ARRAY -> {
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    members.add(reader.readString());
                }
                reader.readEndArray();
            }
            default -> reader.skipValue();
        }
        return members;
    }

    private MongoCollection<OfferingDocument> offerings() {
        MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
        return collection.withDocumentClass(OfferingDocument.class)
                .withCodecRegistry(CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(READER), collection.getCodecRegistry()));
    }

    public static final String REVISION = "revision";
    private static final String CONFIRMED = "confirmed";
    private static final String WAITLISTED = "waitlisted";
    private static final String ATTENDED = "attended";
    /**
     * Ids per lookup: the embedded store checks each document it finds against the whole {@code $in} list, so the work
     * of a lookup grows with the square of its slice; a few more round trips cost less.
     */
    private static final int IN_SLICE = 50;

    /** A poll's changes, written together: per offering what the poll's records did to it, in their order. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * A poll's changes, folded per offering into the writes of the same end state: fields set last win, and each
     * registration is in or out of each list as the last record about it said (the lists are sets, so that is what
     * the records' {@code $addToSet}s and {@code $pull}s in order leave); a record that set nothing new still counts
     * in the offering's revision. One round trip for the poll, one update per offering.
     */
    public final class Batch {

        private final Map<String, Folded> offerings = new LinkedHashMap<>();

        /**
         * @param organiserSite site id, null for the LaKI
         * @param month         year and month of the first session in Berlin, e.g. {@code 2027-03}
         */
        public void details(String offeringId, String organiserSite, String type, String focusArea, String month, int capacity,
                int sessions, String status) {
            change(offeringId).set.append("organiserSite", string(organiserSite)).append("type", string(type))
                    .append("focusArea", string(focusArea)).append("month", string(month)).append("capacity", new BsonInt32(capacity))
                    .append("sessions", new BsonInt32(sessions)).append("status", string(status));
        }

        public void status(String offeringId, String status) {
            change(offeringId).set.append("status", string(status));
        }

        /** @throws IllegalArgumentException if the registration id cannot be a field name ({@link #fieldName}) */
        public void confirmed(String offeringId, String registrationId) {
            fieldName(registrationId);
            change(offeringId).member(CONFIRMED, registrationId, true).member(WAITLISTED, registrationId, false);
        }

        public void waitlisted(String offeringId, String registrationId) {
            fieldName(registrationId);
            change(offeringId).member(WAITLISTED, registrationId, true);
        }

        public void cancelled(String offeringId, String registrationId) {
            fieldName(registrationId);
            change(offeringId).member(CONFIRMED, registrationId, false).member(WAITLISTED, registrationId, false);
        }

        public void attended(String offeringId, String registrationId, int session) {
            change(offeringId).attended.add(registrationId + ":" + session);
        }

        /**
         * Writes the changes, if any, in one round trip, then announces the offerings they changed to the feed in one
         * more (docs/architecture.md#outbox): after the changes, so that a crash between the two loses nothing — the
         * poll's positions are kept after both, so its records come again and are announced then.
         */
        public void execute() {
            if (offerings.isEmpty()) {
                return;
            }
            if (!upgraded) {
                upgrade();
                upgraded = true;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(offerings.size());
            offerings.forEach((id, offering) -> writes.add(offering.write(id)));
            // With the driver: the template's bulk operations map every update once more.
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(true));
            mongo.getCollection(ANNOUNCEMENTS).insertOne(new Document("_id", UUID.randomUUID().toString())
                    .append(OFFERINGS, List.copyOf(offerings.keySet())));
        }

        private Folded change(String offeringId) {
            Folded offering = offerings.computeIfAbsent(offeringId, id -> new Folded());
            offering.changes++;
            return offering;
        }
    }


    /**
     * A registration id is a field name in the sets of registrations: one that is empty, has a dot (a path) or starts
     * with {@code $} (an operator) would change something else, so the record cannot be applied.
     */
    static void fieldName(String registrationId) {
        if (registrationId == null || registrationId.isEmpty() || registrationId.indexOf('.') >= 0 || registrationId.startsWith("$")) {
            throw new IllegalArgumentException("registration id " + registrationId + " is not usable as a set member");
        }
    }

    private static BsonValue string(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    /**
     * One offering's changes in a poll, its update written as BSON straight away: a {@link Document} would be encoded
     * through the driver's codec registry, a lookup per value.
     */
    private static final class Folded {

        final BsonDocument set = new BsonDocument();
        /** Per set of registrations, each registration the poll named, in or out as the last record about it said. */
        final Map<String, Map<String, Boolean>> members = new LinkedHashMap<>();
        /** Check-ins, which are only ever added. */
        final Set<String> attended = new LinkedHashSet<>();
        int changes;

        Folded member(String list, String registration, boolean in) {
            Map<String, Boolean> names = members.computeIfAbsent(list, l -> new LinkedHashMap<>());
            names.remove(registration); // re-inserted last: the order of the last word about each
            names.put(registration, in);
            return this;
        }

        /**
         * The offering's one update: its fields, the registrations put in ({@code $set}) and taken out ({@code $unset}),
         * the check-ins added and the revision counted on.
         */
        WriteModel<Document> write(String id) {
            BsonDocument set = this.set;
            BsonDocument unset = new BsonDocument();
            members.forEach((list, names) -> names.forEach((name, in) -> {
                if (in) {
                    set.append(list + "." + name, BsonBoolean.TRUE);
                } else {
                    unset.append(list + "." + name, EMPTY);
                }
            }));
            BsonDocument update = new BsonDocument("$inc", new BsonDocument(REVISION, new BsonInt32(changes)));
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            if (!attended.isEmpty()) {
                BsonArray each = new BsonArray(new ArrayList<>(attended.size()));
                attended.forEach(checkIn -> each.add(new BsonString(checkIn)));
                update.append("$addToSet", new BsonDocument(ATTENDED, new BsonDocument("$each", each)));
            }
            return new UpdateOneModel<>(new BsonDocument("_id", new BsonString(id)), update, UPSERT);
        }
    }

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BsonString EMPTY = new BsonString("");

    /** The mark for the feed that offerings of the earlier shape carried, and the index of its guarded clearing. */
    private static final String EARLIER_MARK = "dirty";
    private static final String EARLIER_INDEX = "_id_1_revision_1";

    /**
     * Brings offerings written in the earlier shape — registrations as arrays, changes marked in the offering with an
     * index to clear the marks by — into this one, once per start, with the first write (so that starting needs no
     * store): the arrays become sets of fields (an update of a field inside an array would fail), marked offerings
     * are announced, and the index, which every update would keep up, goes.
     */
    private void upgrade() {
        var collection = mongo.getCollection(COLLECTION);
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        for (Document earlier : collection.find(Filters.or(Filters.type(CONFIRMED, BsonType.ARRAY),
                Filters.type(WAITLISTED, BsonType.ARRAY), Filters.exists(EARLIER_MARK)))) {
            Document set = new Document();
            for (String list : List.of(CONFIRMED, WAITLISTED)) {
                if (earlier.get(list) instanceof List<?> members) {
                    Document asSet = new Document();
                    members.forEach(member -> asSet.append(String.valueOf(member), true));
                    set.append(list, asSet);
                }
            }
            Document update = new Document("$unset", new Document(EARLIER_MARK, ""));
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", earlier.get("_id")), update));
            if (Boolean.TRUE.equals(earlier.get(EARLIER_MARK))) {
                marked.add(earlier.getString("_id"));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        if (!marked.isEmpty()) {
            mongo.getCollection(ANNOUNCEMENTS).insertOne(new Document("_id", UUID.randomUUID().toString()).append(OFFERINGS, marked));
        }
        if (collection.listIndexes().into(new ArrayList<>()).stream().anyMatch(index -> EARLIER_INDEX.equals(index.getString("name")))) {
            collection.dropIndex(EARLIER_INDEX);
        }
    }

    public List<OfferingDocument> all() {
        return offerings().find().into(new ArrayList<>());
    }

    /**
     * Offerings that polls announced and the feed relay has not fed yet: the announcements read first, oldest first,
     * until they name {@code limit} offerings (at least one announcement; beyond it those that name no other
     * offering), then the offerings they name, each as it
     * stands now — so what is read includes every change the announcements stand for, and those announcements may be
     * {@linkplain #settle settled} once it is fed.
     */
    public Announced announced(int limit) {
        List<Object> ids = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        try (MongoCursor<Document> announcements = mongo.getCollection(ANNOUNCEMENTS).find().batchSize(16).iterator()) {
            while (announcements.hasNext()) {
                Document announcement = announcements.next();
                List<String> offerings = announcement.getList(OFFERINGS, String.class);
                // Beyond the limit only announcements of offerings read anyway (polls changing the same ones).
                if (!ids.isEmpty() && named.size() >= limit && !named.containsAll(offerings)) {
                    break;
                }
                ids.add(announcement.get("_id"));
                named.addAll(offerings);
            }
        }
        List<String> all = List.copyOf(named);
        List<OfferingDocument> found = new ArrayList<>();
        // By id, which the primary index answers, in slices (IN_SLICE).
        for (int from = 0; from < all.size(); from += IN_SLICE) {
            offerings().find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + IN_SLICE)))).into(found);
        }
        return new Announced(ids, found);
    }

    /**
     * @param announcements the announcements read, by id
     * @param offerings     the offerings they name, as read after them (an offering emptied away since is missing)
     */
    public record Announced(List<Object> announcements, List<OfferingDocument> offerings) {
    }

    /** Removes announcements whose offerings were fed as read after them, in one round trip. */
    public void settle(List<Object> announcements) {
        if (!announcements.isEmpty()) {
            mongo.getCollection(ANNOUNCEMENTS).deleteMany(Filters.in("_id", announcements));
        }
    }

    /** @return how many offerings wait for the feed relay (each counted once however many announcements name it) */
    public long announcedCount() {
        Set<String> named = new HashSet<>();
        mongo.getCollection(ANNOUNCEMENTS).find().forEach(announcement -> named.addAll(announcement.getList(OFFERINGS, String.class)));
        return named.size();
    }
}
