package nrw.kinetz.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
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
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
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
    void aTemporaryH2StoreKeepsItsDataInAFileOfItsOwnAndDeletesItWhenClosed() {
        Path directory;
        try (EmbeddedMongo mongo = EmbeddedMongo.temporaryH2(0).start()) {
            directory = mongo.directory();
            withCollection(mongo, sites -> sites.insertOne(new Document("_id", "05974")));
            mongo.stop();
            mongo.start();

            withCollection(mongo, sites -> assertThat(sites.countDocuments()).isEqualTo(1));
            assertThat(directory.resolve("mongo.mv")).isNotEmptyFile();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void h2BackedStoreKeepsValuesOfEveryKindAcrossStopAndStart() {
        Document stored = new Document("_id", new ObjectId()).append("text", "Kreis Soest").append("int", 7)
                .append("long", 1L << 40).append("double", 0.5).append("decimal", Decimal128.parse("15000.00"))
                .append("flag", true).append("none", null).append("at", new Date(1_700_000_000_123L))
                .append("bytes", new Binary(new byte[] {1, 2, 3})).append("id", UUID.randomUUID().toString())
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("a", new Document("b", List.of())));
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start()) {
            withCollection(mongo, sites -> sites.insertOne(stored));
            mongo.stop();
            mongo.start();

            withCollection(mongo, sites -> assertThat(sites.find(Filters.eq("_id", stored.get("_id"))).first())
                    .isEqualTo(stored));
        }
    }

    @Test
    void h2BackedStoreKeepsItsUniqueIndexesAcrossStopAndStart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start()) {
            withCollection(mongo, counters -> {
                counters.createIndex(Indexes.ascending("district"), new IndexOptions().unique(true));
                for (int i = 0; i < 200; i++) {
                    counters.insertOne(new Document("_id", i).append("district", String.format("%05d", i)));
                }
            });
            mongo.stop();
            mongo.start();

            withCollection(mongo, counters -> {
                assertThat(counters.find(Filters.eq("district", "00117")).first()).containsEntry("_id", 117);
                assertThat(counters.find(Filters.in("_id", 3, 150, 999)))
                        .extracting(document -> document.getInteger("_id")).containsExactlyInAnyOrder(3, 150);
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", 500).append("district", "00042")))
                        .isInstanceOfSatisfying(MongoWriteException.class, e ->
                                assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", 42)))
                        .isInstanceOfSatisfying(MongoWriteException.class, e ->
                                assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            });
        }
    }

    @Test
    void h2BackedStoreAnswersAFilterOnAUniqueIndexsFieldsAndMoreWithExactlyTheDocumentsItMatches() {
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start()) {
            withCollection(mongo, cells -> {
                cells.createIndex(Indexes.ascending("ids"), new IndexOptions().unique(true).sparse(true));
                for (int i = 0; i < 50; i++) {
                    cells.insertOne(new Document("_id", "cell-" + i).append("revision", i % 3).append("ids", List.of("a-" + i, "b-" + i)));
                }
                cells.insertOne(new Document("page", "without an id of its own").append("ids", List.of("c-1", "c-2")));
            });
            mongo.stop();
            mongo.start();

            withCollection(mongo, cells -> {
                assertThat(cells.find(Filters.and(Filters.eq("_id", "cell-7"), Filters.eq("revision", 1))))
                        .extracting(document -> document.getString("_id")).containsExactly("cell-7");
                assertThat(cells.find(Filters.and(Filters.eq("_id", "cell-7"), Filters.eq("revision", 2)))).isEmpty();
                assertThat(cells.find(Filters.and(Filters.eq("_id", "cell-10"),
                        Filters.or(Filters.eq("revision", 1), Filters.eq("revision", 5)))))
                        .extracting(document -> document.getString("_id")).containsExactly("cell-10");
                assertThat(cells.find(Filters.and(Filters.eq("ids", "b-9"), Filters.gte("revision", 0))))
                        .extracting(document -> document.getString("_id")).containsExactly("cell-9");
                assertThat(cells.find(Filters.and(Filters.eq("ids", "c-2"), Filters.exists("page"))).first())
                        .as("found through the index's position, a generated ObjectId").containsKey("_id")
                        .extracting(document -> document.get("_id")).isInstanceOf(ObjectId.class);

                assertThat(cells.updateOne(Filters.and(Filters.eq("_id", "cell-8"), Filters.eq("revision", 0)),
                        Updates.set("value", 1)).getMatchedCount()).as("a stale revision").isZero();
                assertThat(cells.updateOne(Filters.and(Filters.eq("_id", "cell-8"), Filters.eq("revision", 2)),
                        Updates.combine(Updates.set("value", 1), Updates.inc("revision", 1))).getModifiedCount()).isOne();
                assertThat(cells.find(Filters.eq("_id", "cell-8")).first()).containsEntry("revision", 3).containsEntry("value", 1);
                cells.updateOne(Filters.and(Filters.eq("_id", "cell-99"), Filters.eq("revision", 0)), Updates.set("value", 2),
                        new UpdateOptions().upsert(true));
                assertThat(cells.find(Filters.eq("_id", "cell-99")).first()).containsEntry("revision", 0).containsEntry("value", 2);
                assertThat(cells.deleteMany(Filters.and(Filters.eq("_id", "cell-1"), Filters.eq("revision", 1))).getDeletedCount())
                        .isOne();
                assertThat(cells.countDocuments()).isEqualTo(51);
            });
        }
    }

    @Test
    void h2BackedStoreOpensAFileOfThePlainH2BackendWithItsDocumentsAndUniqueIndexes() {
        MongoServer plain = new MongoServer(new H2Backend(dataDir.resolve(EmbeddedMongo.H2_FILE).toString()));
        String address = plain.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address)) {
            MongoCollection<Document> counters = client.getDatabase("kinetz").getCollection("sites");
            counters.createIndex(Indexes.ascending("district"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                counters.insertOne(new Document("_id", "site-" + i).append("district", i).append("at", new Date(i)));
            }
        } finally {
            plain.shutdownNow(); // closing the plain backend commits its file
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start()) {
            withCollection(mongo, counters -> {
                assertThat(counters.countDocuments()).isEqualTo(200);
                assertThat(counters.find(Filters.eq("_id", "site-7")).first()).containsEntry("district", 7)
                        .containsEntry("at", new Date(7));
                assertThat(counters.find(Filters.eq("district", 150)).first()).containsEntry("_id", "site-150");
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", "site-0")))
                        .isInstanceOf(MongoWriteException.class);
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", "other").append("district", 3)))
                        .isInstanceOf(MongoWriteException.class);
                counters.insertOne(new Document("_id", "site-200").append("district", 200));
            });
            mongo.stop();
            mongo.start();

            withCollection(mongo, counters -> {
                assertThat(counters.countDocuments()).isEqualTo(201);
                assertThat(counters.find(Filters.eq("district", 200)).first()).containsEntry("_id", "site-200");
                assertThat(counters.find(Filters.eq("district", 3)).first()).containsEntry("_id", "site-3");
            });
        }
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
