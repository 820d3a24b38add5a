package nrw.kinetz.reporting.apikey.adapter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nrw.kinetz.reporting.apikey.ApiKey;
import nrw.kinetz.reporting.apikey.ApiKeys;

/** The API keys' hashes: {@code {_id, subject, hash, createdAt, expiresAt, revokedAt?}} in {@code api_keys}. */
class MongoApiKeys implements ApiKeys {

    static final String COLLECTION = "api_keys";

    private final MongoOperations mongo;
    private volatile boolean indexed;

    MongoApiKeys(MongoOperations mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> keys() {
        MongoCollection<Document> keys = mongo.getCollection(COLLECTION);
        if (!indexed) {
            keys.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
            keys.createIndex(Indexes.ascending("subject"));
            indexed = true;
        }
        return keys;
    }

    @Override
    public void save(ApiKey key) {
        Document document = new Document("_id", key.id()).append("subject", key.subject()).append("hash", key.hash())
                .append("createdAt", Date.from(key.createdAt())).append("expiresAt", Date.from(key.expiresAt()));
        key.revokedAt().ifPresent(at -> document.append("revokedAt", Date.from(at)));
        keys().insertOne(document);
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return Optional.ofNullable(keys().find(Filters.eq("hash", hash)).first()).map(MongoApiKeys::key);
    }

    @Override
    public List<ApiKey> issuedTo(String subject) {
        List<ApiKey> found = new ArrayList<>();
        keys().find(Filters.eq("subject", subject)).sort(Sorts.descending("createdAt")).forEach(d -> found.add(key(d)));
        return found;
    }

    @Override
    public boolean revoke(String subject, String id, Instant at) {
        return keys().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("subject", subject), Filters.exists("revokedAt", false)),
                Updates.set("revokedAt", Date.from(at))).getModifiedCount() == 1;
    }

    private static ApiKey key(Document d) {
        return new ApiKey(d.getString("_id"), d.getString("subject"), d.getString("hash"), d.getDate("createdAt").toInstant(),
                d.getDate("expiresAt").toInstant(), Optional.ofNullable(d.getDate("revokedAt")).map(Date::toInstant));
    }
}
