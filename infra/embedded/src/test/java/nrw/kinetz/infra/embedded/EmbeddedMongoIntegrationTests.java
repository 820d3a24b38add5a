package nrw.kinetz.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmbeddedMongoIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void h2BackedStoreKeepsADocumentAcrossStopAndStart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start()) {
            int port = mongo.port();
            withCollection(mongo, sites -> sites.insertOne(new Document("_id", "05974").append("name", "Kreis Soest")));

            mongo.stop();
            assertThat(mongo.isRunning()).isFalse();
            mongo.start();

            assertThat(mongo.port()).isEqualTo(port);
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            withCollection(mongo, sites ->
                    assertThat(sites.find(Filters.eq("_id", "05974")).first())
                            .isNotNull()
                            .containsEntry("name", "Kreis Soest"));
        }
        assertThat(dataDir.resolve("mongo.mv")).isNotEmptyFile();
    }

    @Test
    void countsTheDocumentsEveryWriteCommandNamesPerCollection() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start()) {
            withCollection(mongo, sites -> {
                sites.insertMany(java.util.List.of(new Document("_id", "05315"), new Document("_id", "05111"),
                        new Document("_id", "05974")));
                sites.updateMany(Filters.exists("_id"), Updates.set("seen", true)); // one statement, three documents
                sites.findOneAndUpdate(Filters.eq("_id", "05111"), Updates.set("seen", false));
                sites.deleteOne(Filters.eq("_id", "05315"));
                sites.find().first(); // a read counts nothing
            });

            assertThat(mongo.writes()).containsOnlyKeys("kinetz.sites");
            assertThat(mongo.writes().get("kinetz.sites")).as("documents, commands").containsExactly(6, 4);
        }
    }

    @Test
    void inMemoryStoreFindsWhatWasInserted() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start()) {
            withCollection(mongo, sites -> {
                sites.insertOne(new Document("_id", "05315").append("name", "Köln").append("regierungsbezirk", 3));
                sites.insertOne(new Document("_id", "05111").append("name", "Düsseldorf").append("regierungsbezirk", 1));

                assertThat(sites.find(Filters.eq("regierungsbezirk", 3)))
                        .extracting(document -> document.getString("name")).containsExactly("Köln");
            });
        }
    }

    @Test
    void inMemoryStoreUpsertsThroughAUniqueIndexAndRejectsDuplicates() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start()) {
            withCollection(mongo, counters -> {
                counters.createIndex(Indexes.ascending("district"), new IndexOptions().unique(true));

                UpdateResult first = counters.updateOne(Filters.eq("district", "05974"),
                        Updates.inc("cases", 1), new UpdateOptions().upsert(true));
                UpdateResult second = counters.updateOne(Filters.eq("district", "05974"),
                        Updates.inc("cases", 1), new UpdateOptions().upsert(true));

                assertThat(first.getUpsertedId()).isNotNull();
                assertThat(second.getUpsertedId()).isNull();
                assertThat(second.getMatchedCount()).isEqualTo(1);
                assertThat(counters.countDocuments()).isEqualTo(1);
                assertThat(counters.find(Filters.eq("district", "05974")).first().getInteger("cases")).isEqualTo(2);
                assertThatThrownBy(() -> counters.insertOne(new Document("district", "05974")))
                        .isInstanceOfSatisfying(MongoWriteException.class, e ->
                                assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            });
        }
    }

    private static void withCollection(EmbeddedMongo mongo, Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            action.accept(client.getDatabase("kinetz").getCollection("sites"));
        }
    }
}
