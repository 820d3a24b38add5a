package nrw.kinetz.reporting.sample.adapter;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The read model "sample data": one document, {@code {_id: "activities", since, firstActivity}}, present once
 * an activity marked as sample data was counted. Writing it twice changes nothing ({@code $setOnInsert}), so
 * redeliveries and replays need no version. Once seen, the answer is kept in memory: the mark is never removed
 * while the service runs.
 */
public class MongoSampleData {

    public static final String COLLECTION = "sample_data";
    private static final String ID = "activities";

    private final MongoOperations mongo;
    private volatile Instant since;

    public MongoSampleData(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return since when the activities contain sample data, or empty when they contain none */
    public Optional<Instant> since() {
        if (since == null) {
            Document document = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
            if (document != null) {
                since = document.getDate("since").toInstant();
            }
        }
        return Optional.ofNullable(since);
    }

    /**
     * @return whether this instance has seen the mark (written it, or read it from the store): a question that costs no
     *         round trip, for the listener, which asks it only for records that carry the mark
     */
    public boolean knownPresent() {
        return since != null;
    }

    public void markPresent(UUID activityId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update()
                .setOnInsert("since", new Date())
                .setOnInsert("firstActivity", activityId.toString()), COLLECTION);
        since();
    }
}
