package nrw.kinetz.infra.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import nrw.kinetz.infra.lease.Lease;

/**
 * A lease in collection {@value #COLLECTION}: one document per lease with its holder and expiry. Taking it
 * is one conditional upsert — it matches only if this instance holds it or it has expired; otherwise the
 * upsert collides with the existing {@code _id} and fails, which means "held by someone else".
 */
public final class MongoLease implements Lease {

    public static final String COLLECTION = "leases";

    private static final Logger LOG = LoggerFactory.getLogger(MongoLease.class);

    private final MongoOperations mongo;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;
    private volatile Instant heldUntil = Instant.EPOCH;

    public MongoLease(MongoOperations mongo, String name, String holder, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    @Override
    public boolean acquire() {
        Instant now = clock.instant();
        // Renewed only when half the lease has passed, so the common case asks the store nothing.
        if (now.isBefore(heldUntil.minus(duration.dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(duration);
        try {
            mongo.getCollection(COLLECTION).findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name),
                            Filters.or(Filters.eq("holder", holder), Filters.lt("until", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(until))),
                    new FindOneAndUpdateOptions().upsert(true));
            heldUntil = until;
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            heldUntil = Instant.EPOCH;
            return false;
        } catch (com.mongodb.MongoCommandException e) {
            // findAndModify reports the duplicate key as a command error on some servers
            if (e.getErrorCode() != 11000) {
                throw e;
            }
            heldUntil = Instant.EPOCH;
            return false;
        }
    }

    @Override
    public boolean held() {
        return clock.instant().isBefore(heldUntil);
    }

    /** Never fails: a lease the store could not hand back expires by itself. */
    @Override
    public void release() {
        heldUntil = Instant.EPOCH;
        try {
            mongo.getCollection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)));
        } catch (MongoException e) {
            LOG.warn("lease {} not handed back, it expires by itself: {}", name, e.getMessage());
        }
    }
}
