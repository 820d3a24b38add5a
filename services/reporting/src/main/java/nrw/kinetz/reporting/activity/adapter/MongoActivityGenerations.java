package nrw.kinetz.reporting.activity.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.store.ActivityGenerations;

/**
 * The generation pointer in collection {@value #COLLECTION}: document {@code {_id: "activities", active: 2}},
 * during a rebuild's handover also {@code handover: 3}. Switching is a single-document write, so a restart
 * always finds one complete generation. For queries the pointer is cached and re-read every few seconds, so that
 * other instances follow a switch; live listeners ask it afresh ({@link #writable()}).
 */
public final class MongoActivityGenerations implements ActivityGenerations {

    public static final String COLLECTION = "read_model_generations";
    public static final String ID = "activities";
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MongoOperations mongo;
    private final Clock clock;
    private volatile Generation cached;
    private volatile Instant readAt = Instant.MIN;

    public MongoActivityGenerations(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Generation active() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(readAt.plus(REFRESH))) {
            read();
        }
        return cached;
    }

    @Override
    public Optional<Generation> writable() {
        Document pointer = read();
        return pointer != null && pointer.get("handover") != null ? Optional.empty() : Optional.of(cached);
    }

    @Override
    public void beginHandover(Generation next) {
        if (read() == null) {
            write(cached, next);
        } else {
            mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", ID), Updates.set("handover", next.number()));
        }
    }

    @Override
    public void cancelHandover() {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", ID), Updates.unset("handover"));
    }

    @Override
    public void activate(Generation generation) {
        write(generation, null);
    }

    /** Reads the pointer and caches the active generation; @return the pointer document, {@code null} before the first switch */
    private Document read() {
        Document pointer = mongo.getCollection(COLLECTION).find(Filters.eq("_id", ID)).first();
        cached = pointer == null ? new Generation(1) : new Generation(((Number) pointer.get("active")).intValue());
        readAt = clock.instant();
        return pointer;
    }

    private void write(Generation active, Generation handover) {
        Document pointer = new Document("_id", ID).append("active", active.number()).append("since", Date.from(clock.instant()));
        if (handover != null) {
            pointer.append("handover", handover.number());
        }
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", ID), pointer, new ReplaceOptions().upsert(true));
        cached = active;
        readAt = clock.instant();
    }
}
