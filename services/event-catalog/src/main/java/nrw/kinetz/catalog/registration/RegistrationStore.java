package nrw.kinetz.catalog.registration;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.registration.RegistrationDocument.PendingMail;
import nrw.kinetz.model.catalog.RegistrationStatus;

/** Registrations on MongoDB, each change with the mail that tells about it in one single-document write. */
@Component
class RegistrationStore {

    static final String COLLECTION = "registrations";

    private final MongoTemplate mongo;

    RegistrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(RegistrationDocument.OFFERING_ID, Sort.Direction.ASC)
                .on(RegistrationDocument.EMAIL_KEY, Sort.Direction.ASC).unique().named("one_per_email_and_offering"));
    }

    /** @return {@code false} if this e-mail address is registered for the offering already (nothing was written) */
    boolean insert(RegistrationDocument registration) {
        try {
            mongo.insert(registration);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<RegistrationDocument> find(String registrationId) {
        return Optional.ofNullable(mongo.findById(registrationId, RegistrationDocument.class));
    }

    Optional<RegistrationDocument> findByEmail(String offeringId, String emailKey) {
        return Optional.ofNullable(mongo.findOne(query(where(RegistrationDocument.OFFERING_ID).is(offeringId)
                .and(RegistrationDocument.EMAIL_KEY).is(emailKey)), RegistrationDocument.class));
    }

    List<RegistrationDocument> ofOffering(String offeringId) {
        return mongo.find(query(where(RegistrationDocument.OFFERING_ID).is(offeringId))
                .with(Sort.by(RegistrationDocument.REGISTERED_AT, "_id")), RegistrationDocument.class);
    }

    List<RegistrationDocument> withStatus(RegistrationStatus status, int limit) {
        return mongo.find(query(where(RegistrationDocument.STATUS).is(status.name())).limit(limit), RegistrationDocument.class);
    }

    /**
     * Moves the registration from one of {@code from} to {@code to} and queues {@code mail}, in one write.
     *
     * @return {@code false} if the registration was not in one of {@code from} (nothing was written)
     */
    boolean transition(String registrationId, Collection<RegistrationStatus> from, RegistrationStatus to, MailKind mail,
            Instant now) {
        Update update = new Update().set(RegistrationDocument.STATUS, to.name()).set("changedAt", now.toString());
        if (mail != null) {
            update.push(RegistrationDocument.MAILS, new PendingMail(UUID.randomUUID().toString(), mail.name()));
        }
        Query query = query(where("_id").is(registrationId).and(RegistrationDocument.STATUS)
                .in(from.stream().map(Enum::name).toList()));
        return mongo.updateFirst(query, update, RegistrationDocument.class).getModifiedCount() == 1;
    }

    /** Registrations with mails to send (not erased ones: they have no address any more). */
    List<RegistrationDocument> withMails(int limit) {
        return mongo.find(query(where(RegistrationDocument.MAILS + ".0").exists(true)).limit(limit), RegistrationDocument.class);
    }

    void mailSent(String registrationId, String mailId) {
        mongo.updateFirst(query(where("_id").is(registrationId)),
                new Update().pull(RegistrationDocument.MAILS, new Document("mailId", mailId)), COLLECTION);
    }

    /** Pending registrations made before {@code before}: never confirmed in time. */
    List<String> unconfirmedSince(Instant before) {
        Query query = query(where(RegistrationDocument.STATUS).is(RegistrationStatus.PENDING.name())
                .and(RegistrationDocument.REGISTERED_AT).lt(before.toString()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Registrations of these offerings that still hold personal data. */
    List<String> notErasedOf(Collection<String> offeringIds) {
        Query query = query(where(RegistrationDocument.OFFERING_ID).in(offeringIds).and(RegistrationDocument.ERASED).is(false));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * A pending registration expires and loses its personal data in the same write.
     *
     * @return {@code false} if it was not pending any more (nothing was written)
     */
    boolean expire(String registrationId, Instant now) {
        Update update = erasure(registrationId, now).set(RegistrationDocument.STATUS, RegistrationStatus.EXPIRED.name());
        Query pending = query(where("_id").is(registrationId).and(RegistrationDocument.STATUS).is(RegistrationStatus.PENDING.name()));
        return mongo.updateFirst(pending, update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Removes name, e-mail address and organisation and every unsent mail; status and counts stay. The e-mail
     * key becomes unique to the registration, so the address may register again.
     */
    void erase(String registrationId, Instant now) {
        mongo.updateFirst(query(where("_id").is(registrationId)), erasure(registrationId, now), COLLECTION);
    }

    private static Update erasure(String registrationId, Instant now) {
        return new Update().set("name", null).set("email", null).set("organisation", null)
                .set(RegistrationDocument.EMAIL_KEY, "erased:" + registrationId).set(RegistrationDocument.ERASED, true)
                .set(RegistrationDocument.MAILS, List.of()).set("changedAt", now.toString());
    }
}
