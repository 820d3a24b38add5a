package nrw.kinetz.reporting.activity.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.store.ActivityGenerations;

/**
 * The generation pointer in collection {@value #COLLECTION}: document {@code {_id: "activities", active: 2}}.
 * Switching is a single-document write, so a restart always finds one complete generation; the pointer is
 * cached and re-read every few seconds, so that queries on other instances follow a switch.
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
            Document pointer = mongo.getCollection(COLLECTION).find(Filters.eq("_id", ID)).first();
            cached = pointer == null ? new Generation(1) : new Generation(((Number) pointer.get("active")).intValue());
            readAt = now;
        }
        return cached;
    }

    @Override
    public void activate(Generation generation) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", ID),
                new Document("_id", ID).append("active", generation.number()).append("since", java.util.Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        cached = generation;
        readAt = clock.instant();
    }
}
