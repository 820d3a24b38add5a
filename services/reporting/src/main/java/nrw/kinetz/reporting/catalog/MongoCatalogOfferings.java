package nrw.kinetz.reporting.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The read model "catalog" in reporting's own database: one document per offering with what counting needs —
 * never who registered: registrations are the catalog's random ids. Every change is one update with set
 * semantics ({@code $addToSet}, {@code $pull}, {@code $set}), so a redelivered or replayed record changes
 * nothing, and one offering's records arrive in order (key = offering id).
 */
@Repository
class MongoCatalogOfferings {

    static final String COLLECTION = "catalog_offerings";

    private final MongoOperations mongo;

    MongoCatalogOfferings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * @param organiserSite site id, null for the LaKI
     * @param month         year and month of the first session in Berlin, e.g. {@code 2027-03}
     */
    record OfferingDocument(@Id String id, String organiserSite, String type, String focusArea, String month, int capacity,
            int sessions, String status, List<String> confirmed, List<String> waitlisted, List<String> attended,
            long revision, Boolean dirty) {

        /** Cancelled offerings, and those whose details have not arrived, count nothing. */
        boolean counts() {
            return status != null && !"CANCELLED".equals(status) && month != null;
        }
    }

    static final String REVISION = "revision";
    static final String DIRTY = "dirty";

    void details(String offeringId, String organiserSite, String type, String focusArea, String month, int capacity,
            int sessions, String status) {
        Update update = new Update().set("organiserSite", organiserSite).set("type", type).set("focusArea", focusArea)
                .set("month", month).set("capacity", capacity).set("sessions", sessions).set("status", status);
        change(offeringId, update);
    }

    void status(String offeringId, String status) {
        change(offeringId, new Update().set("status", status));
    }

    void confirmed(String offeringId, String registrationId) {
        change(offeringId, new Update().addToSet("confirmed", registrationId).pull("waitlisted", registrationId));
    }

    void waitlisted(String offeringId, String registrationId) {
        change(offeringId, new Update().addToSet("waitlisted", registrationId));
    }

    void cancelled(String offeringId, String registrationId) {
        change(offeringId, new Update().pull("confirmed", registrationId).pull("waitlisted", registrationId));
    }

    void attended(String offeringId, String registrationId, int session) {
        change(offeringId, new Update().addToSet("attended", registrationId + ":" + session));
    }

    List<OfferingDocument> all() {
        return mongo.findAll(OfferingDocument.class, COLLECTION);
    }

    /** Offerings changed since they were last fed, by id or all of them (up to {@code limit}). */
    List<OfferingDocument> dirty(Collection<String> ids, int limit) {
        Query query = query(where(DIRTY).is(true).and("month").ne(null));
        if (ids != null) {
            query.addCriteria(where("_id").in(ids));
        }
        return mongo.find(query.limit(limit), OfferingDocument.class, COLLECTION);
    }

    /** Clears the mark, unless the offering changed again since {@code revision} was read. */
    void fed(String offeringId, long revision) {
        mongo.updateFirst(query(where("_id").is(offeringId).and(REVISION).is(revision)), new Update().unset(DIRTY), COLLECTION);
    }

    /** Every change marks the offering for the feed (docs/architecture.md#outbox: the change and its mark are one write). */
    private void change(String offeringId, Update update) {
        mongo.upsert(query(where("_id").is(offeringId)), update.inc(REVISION, 1).set(DIRTY, true), COLLECTION);
    }
}
