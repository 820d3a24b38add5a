package nrw.kinetz.reporting.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;

/**
 * The feed relay's two questions to the test kit's store (docs/benchmarks.md, change 6): "which cells are marked"
 * ({@code {dirty: true}}, with the sparse index the live store creates) against "which of these cells are marked"
 * (by {@code _id}), over a generation of {@code benchmark.cells} cells (default 20,000) of which twelve are marked.
 * Not a test (the name keeps it out of {@code mvn test}):
 *
 * <pre>./mvnw test -pl services/reporting -Dtest=MarkScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@WithKiNetzInfrastructure
class MarkScanBenchmark {

    private static final int MARKED = 12;
    private static final int QUESTIONS = 50;

    @Test
    void askingByKeyAgainstAskingByMark(TestInfrastructure infrastructure) {
        int cells = Integer.getInteger("benchmark.cells", 20_000);
        try (MongoClient client = MongoClients.create(infrastructure.mongoConnectionString())) {
            MongoCollection<Document> collection = client.getDatabase("mark-scan-benchmark").getCollection("activity_cells_g1");
            collection.drop();
            collection.createIndex(Indexes.ascending(MongoActivityStore.DIRTY), new IndexOptions().sparse(true));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                documents.add(new Document("_id", "activities/05974/cell-" + i).append("site", "05974").append("month", "2026-07")
                        .append("activities", 3L).append("participants", 12L).append(MongoActivityStore.REVISION, 1L));
            }
            collection.insertMany(documents);
            List<String> marked = new ArrayList<>();
            for (int i = 0; i < MARKED; i++) {
                String id = "activities/05974/cell-" + (i * (cells / MARKED));
                marked.add(id);
                collection.updateOne(Filters.eq("_id", id), new Document("$set", new Document(MongoActivityStore.DIRTY, true)));
            }
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                int found = 0;
                for (int q = 0; q < QUESTIONS; q++) {
                    for (Document ignored : collection.find(Filters.eq(MongoActivityStore.DIRTY, true)).limit(500)) {
                        found++;
                    }
                }
                double byMark = (System.nanoTime() - start) / 1e6 / QUESTIONS;
                start = System.nanoTime();
                for (int q = 0; q < QUESTIONS; q++) {
                    for (Document document : collection.find(Filters.in("_id", marked))) {
                        found += Boolean.TRUE.equals(document.getBoolean(MongoActivityStore.DIRTY)) ? 1 : 0;
                    }
                }
                double byKey = (System.nanoTime() - start) / 1e6 / QUESTIONS;
                assertThat(found).isEqualTo(2 * QUESTIONS * MARKED);
                System.out.printf(Locale.ROOT, "| %d | %,d | %.2f | %.2f |%n", round, cells, byMark, byKey);
            }
        }
    }
}
