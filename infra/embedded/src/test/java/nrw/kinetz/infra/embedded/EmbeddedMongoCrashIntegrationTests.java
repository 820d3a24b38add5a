package nrw.kinetz.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a store process with SIGKILL while several clients insert and update, restarts it on the same file and
 * checks that what survived is whole: every document is found through its {@code _id} index and its unique
 * index, every id that did not survive can be inserted again, and no document holds half an update.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EmbeddedMongoCrashIntegrationTests {

    private static final int WRITERS = 3;
    private static final int KILLS = 4;

    @TempDir
    Path dataDir;

    private final Set<String> attempted = ConcurrentHashMap.newKeySet();

    @Test
    void aStoreKilledMidWriteRestartsWithIndexAndDataInAgreementAndNoHalfWrites() throws Exception {
        int port = FreePorts.find();
        for (int kill = 1; kill <= KILLS; kill++) {
            try (StoreProcess store = StoreProcess.start(dataDir, port); MongoClient client = client(port)) {
                MongoCollection<Document> items = items(client);
                assertWhole(items);
                items.createIndex(Indexes.ascending("u"), new IndexOptions().unique(true));
                writeUntilKilled(client, store, kill);
            }
        }
        try (StoreProcess store = StoreProcess.start(dataDir, port); MongoClient client = client(port)) {
            MongoCollection<Document> items = items(client);
            assertWhole(items);
            assertThat(items.countDocuments()).isPositive();
        }
    }

    /** Writers insert and update until the store dies under them, killed at a random moment. */
    private void writeUntilKilled(MongoClient client, StoreProcess store, int round) throws InterruptedException {
        int killAfter = ThreadLocalRandom.current().nextInt(300, 3_000);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch enough = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String writer = "r" + round + "w" + w;
            Thread thread = new Thread(() -> {
                MongoCollection<Document> items = items(client);
                try {
                    for (int i = 0; ; i++) {
                        String id = writer + "-" + i;
                        attempted.add(id);
                        items.insertOne(new Document("_id", id).append("u", id).append("a", i).append("b", i));
                        items.updateOne(Filters.eq("_id", "counter-" + writer),
                                Updates.combine(Updates.inc("a", 1), Updates.inc("b", 1), Updates.set("last", id),
                                        Updates.setOnInsert("u", "counter-" + writer)),
                                new UpdateOptions().upsert(true));
                        if (acknowledged.addAndGet(2) >= killAfter) {
                            enough.countDown();
                        }
                    }
                } catch (RuntimeException e) {
                    if (enough.getCount() > 0) {
                        failure.compareAndSet(null, e); // before the kill nothing may fail
                    }
                } finally {
                    enough.countDown();
                }
            }, "writer-" + writer);
            writers.add(thread);
            thread.start();
        }
        enough.await();
        store.kill();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failure.get()).as("a write failed before the store was killed").isNull();
    }

    private void assertWhole(MongoCollection<Document> items) {
        List<Document> all = items.find().into(new ArrayList<>());
        Set<Object> present = new HashSet<>();
        for (Document document : all) {
            present.add(document.get("_id"));
            assertThat(document.getInteger("a")).as("a and b of %s are written together", document)
                    .isEqualTo(document.getInteger("b"));
            assertThat(items.find(Filters.eq("_id", document.get("_id"))).first())
                    .as("%s is found by its _id", document.get("_id")).isEqualTo(document);
            if (document.containsKey("u")) {
                assertThat(items.find(Filters.eq("u", document.get("u"))).first())
                        .as("%s is found by its unique field", document.get("_id")).isEqualTo(document);
            }
        }
        List<Document> lost = attempted.stream().filter(id -> !present.contains(id))
                .map(id -> new Document("_id", id).append("u", id).append("a", 0).append("b", 0))
                .toList();
        if (!lost.isEmpty()) {
            // Throws if an index still holds an entry for a document the data lost.
            items.insertMany(lost, new InsertManyOptions().ordered(false));
        }
        assertThat(items.countDocuments()).isEqualTo(all.size() + lost.size());
    }

    private static MongoCollection<Document> items(MongoClient client) {
        return client.getDatabase("crash").getCollection("items");
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS))
                .build());
    }
}
