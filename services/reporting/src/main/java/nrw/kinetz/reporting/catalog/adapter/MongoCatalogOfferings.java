package nrw.kinetz.reporting.catalog.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The read model "catalog" in reporting's own database: one document per offering with what counting needs —
 * never who registered: registrations are the catalog's random ids. Every change is one update with set
 * semantics ({@code $addToSet}, {@code $pull}, {@code $set}), so a redelivered or replayed record changes
 * nothing, and one offering's records arrive in order (key = offering id); a poll's updates go to the store together,
 * in that order ({@link Batch}).
 */
@Repository
public class MongoCatalogOfferings {

    public static final String COLLECTION = "catalog_offerings";

    private final MongoOperations mongo;
    /** Whether the index of the relay's guarded writes was asked for since start. */
    private volatile boolean guarded;

    public MongoCatalogOfferings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * @param organiserSite site id, null for the LaKI
     * @param month         year and month of the first session in Berlin, e.g. {@code 2027-03}
     */
    public record OfferingDocument(@Id String id, String organiserSite, String type, String focusArea, String month, int capacity,
            int sessions, String status, List<String> confirmed, List<String> waitlisted, List<String> attended,
            long revision, Boolean dirty) {

        /** Cancelled offerings, and those whose details have not arrived, count nothing. */
        boolean counts() {
            return status != null && !"CANCELLED".equals(status) && month != null;
        }
    }

    public static final String REVISION = "revision";
    public static final String DIRTY = "dirty";
    private static final int IN_SLICE = 200;

    /** A poll's changes, written together: per offering what the poll's records did to it, in their order. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * A poll's changes, folded per offering into the writes of the same end state: fields set last win, and each
     * registration is in or out of each list as the last record about it said (the lists are sets, so that is what
     * the records' {@code $addToSet}s and {@code $pull}s in order leave); a record that set nothing new still counts
     * in the offering's revision. One round trip for the poll, at most two updates per offering (what is added, and
     * what is taken out of lists, which one update may not do to the same list).
     */
    public final class Batch {

        private final Map<String, Folded> offerings = new LinkedHashMap<>();

        /**
         * @param organiserSite site id, null for the LaKI
         * @param month         year and month of the first session in Berlin, e.g. {@code 2027-03}
         */
        public void details(String offeringId, String organiserSite, String type, String focusArea, String month, int capacity,
                int sessions, String status) {
            Folded offering = change(offeringId);
            offering.set.append("organiserSite", organiserSite).append("type", type).append("focusArea", focusArea)
                    .append("month", month).append("capacity", capacity).append("sessions", sessions).append("status", status);
        }

        public void status(String offeringId, String status) {
            change(offeringId).set.append("status", status);
        }

        public void confirmed(String offeringId, String registrationId) {
            change(offeringId).member(CONFIRMED, registrationId, true).member(WAITLISTED, registrationId, false);
        }

        public void waitlisted(String offeringId, String registrationId) {
            change(offeringId).member(WAITLISTED, registrationId, true);
        }

        public void cancelled(String offeringId, String registrationId) {
            change(offeringId).member(CONFIRMED, registrationId, false).member(WAITLISTED, registrationId, false);
        }

        public void attended(String offeringId, String registrationId, int session) {
            change(offeringId).member(ATTENDED, registrationId + ":" + session, true);
        }

        /** Writes the changes, if any, in one round trip. */
        public void execute() {
            if (offerings.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            offerings.forEach((id, offering) -> offering.writes(id, writes));
            // With the driver: the template's bulk operations map every update once more.
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(true));
            if (!guarded) {
                guardIndex();
                guarded = true;
            }
        }

        private Folded change(String offeringId) {
            Folded offering = offerings.computeIfAbsent(offeringId, id -> new Folded());
            offering.changes++;
            return offering;
        }
    }

    private static final String CONFIRMED = "confirmed";
    private static final String WAITLISTED = "waitlisted";
    private static final String ATTENDED = "attended";

    /** One offering's changes in a poll. */
    private static final class Folded {

        final Document set = new Document();
        /** Per list, each registration the poll named, in or out as the last record about it said. */
        final Map<String, Map<String, Boolean>> members = new LinkedHashMap<>();
        int changes;

        Folded member(String list, String registration, boolean in) {
            Map<String, Boolean> names = members.computeIfAbsent(list, l -> new LinkedHashMap<>());
            names.remove(registration); // re-inserted last: the order of the last word about each
            names.put(registration, in);
            return this;
        }

        /**
         * Every change marks the offering for the feed (docs/architecture.md#outbox: the change and its mark are one
         * write): the first update carries the mark; the second only takes registrations out.
         */
        void writes(String id, List<WriteModel<Document>> writes) {
            Document added = new Document();
            Document removed = new Document();
            members.forEach((list, names) -> {
                List<String> in = new ArrayList<>();
                List<String> out = new ArrayList<>();
                names.forEach((name, isIn) -> (isIn ? in : out).add(name));
                if (!in.isEmpty()) {
                    added.append(list, new Document("$each", in));
                }
                if (!out.isEmpty()) {
                    removed.append(list, out);
                }
            });
            Document update = new Document("$set", new Document(set).append(DIRTY, true))
                    .append("$inc", new Document(REVISION, changes));
            if (!added.isEmpty()) {
                update.append("$addToSet", added);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), update, new UpdateOptions().upsert(true)));
            if (!removed.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$pullAll", removed)));
            }
        }
    }

    /**
     * The feed relay clears a mark only at the revision it fed ({@link #fed}): a filter on {@code _id} and
     * {@code revision}, which gets a unique index of its own, because the embedded store uses an index only for a
     * filter with exactly its fields and would otherwise scan every offering for every cleared mark. Asked for once,
     * with the first write (as the API keys' indexes are), so that starting needs no store.
     */
    private void guardIndex() {
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true));
    }

    public List<OfferingDocument> all() {
        return mongo.findAll(OfferingDocument.class, COLLECTION);
    }

    /** Offerings changed since they were last fed, by id or all of them (up to {@code limit}). */
    public List<OfferingDocument> dirty(Collection<String> ids, int limit) {
        if (ids == null) {
            return mongo.find(query(where(DIRTY).is(true).and("month").ne(null)).limit(limit), OfferingDocument.class, COLLECTION);
        }
        // By id alone, which the primary index answers (with the mark in the filter the embedded store scans every
        // offering), in slices (it checks each found document against the whole $in list); the marks are checked here.
        List<String> all = List.copyOf(ids);
        List<OfferingDocument> found = new ArrayList<>();
        for (int from = 0; from < all.size() && found.size() < limit; from += IN_SLICE) {
            for (OfferingDocument offering : mongo.find(query(where("_id").in(all.subList(from, Math.min(all.size(), from + IN_SLICE)))),
                    OfferingDocument.class, COLLECTION)) {
                if (Boolean.TRUE.equals(offering.dirty()) && offering.month() != null && found.size() < limit) {
                    found.add(offering);
                }
            }
        }
        return found;
    }

    /**
     * Clears the marks of offerings fed at these revisions (id to revision) in one round trip, each unless the
     * offering changed again since its revision was read.
     */
    public void fed(Map<String, Long> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        // Exactly the fields of the guard's index (guardIndex), not an $and of them.
        revisions.forEach((id, revision) -> writes.add(new UpdateOneModel<>(
                new Document("_id", id).append(REVISION, revision), Updates.unset(DIRTY))));
        mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
}
