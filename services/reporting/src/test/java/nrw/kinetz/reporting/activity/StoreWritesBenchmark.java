package nrw.kinetz.reporting.activity;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.mongo.StoreWrites;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;

/**
 * Benchmark, not a test (the name keeps it out of {@code mvn test}; see docs/benchmarks.md): the store writes
 * reporting's live path costs per activity — listener (ledger, cells, kept position), feed relay (sequence, feed
 * entries, cleared marks) and topic relay (its progress) — counted by {@link StoreWrites} while activities arrive
 * in requests of 20 at a steady rate, as the intake publishes them. Two shapes: the latency benchmark's (one site,
 * twelve cells) and one where nearly every activity has a cell of its own. System properties
 * {@code benchmark.activities} (default 4000) and {@code benchmark.rate} (activities per second, default 1000).
 */
class StoreWritesBenchmark extends ReportingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ActivityEventsListener listener;

    @Autowired
    ActivityReadModel model;

    @Autowired
    MongoTemplate mongo;

    @Test
    void storeWritesPerActivityOnTheWayToTheStream() throws Exception {
        int activities = Integer.getInteger("benchmark.activities", 4000);
        int rate = Integer.getInteger("benchmark.rate", 1000);
        Map<String, Double> twelveCells = run(activities, rate, i -> ActivityEvents.report(ActivityEvents.SOEST,
                LocalDate.of(2021, 1 + i % 12, 1), 3, 1));
        Map<String, Double> ownCells = run(activities, rate, i -> ActivityEvents.report(
                nrw.kinetz.model.reference.KiSites.all().get(i % 54).siteId().value(),
                LocalDate.of(2022, 1 + (i / 54) % 12, 1 + (i / 648) % 28), 3, 1));
        print("one site, twelve cells", activities, rate, twelveCells);
        print("a cell per activity (54 sites x 12 months x 28 days)", activities, rate, ownCells);
    }

    private Map<String, Double> run(int activities, int rate, java.util.function.IntFunction<nrw.kinetz.model.activity.ActivityReported> report)
            throws InterruptedException {
        Map<String, Double> before = writes();
        long perRequest = 20;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * perRequest / rate;
        long next = System.nanoTime();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < activities; i += perRequest) {
            for (int j = i; j < Math.min(activities, i + perRequest); j++) {
                sends.add(publisher.publish(ActivityEvents.envelope(report.apply(j))));
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        ListenerCatchUp.await(bootstrapServers, listener.activeGroupId(), Topics.ACTIVITIES, Duration.ofMinutes(5));
        Generation generation = model.activeGeneration();
        AtomicReference<Map<String, Double>> last = new AtomicReference<>(Map.of());
        // Everything relayed: no cell marked, and nothing written for two seconds.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, Double> now = writes();
            boolean settled = now.equals(last.get()) && mongo.getCollection(MongoActivityStore.cellsOf(generation))
                    .countDocuments(Filters.eq(MongoActivityStore.DIRTY, true)) == 0;
            last.set(now);
            return settled;
        });
        Map<String, Double> difference = new TreeMap<>();
        last.get().forEach((key, value) -> {
            double added = value - before.getOrDefault(key, 0.0);
            if (added > 0) {
                difference.put(key, added);
            }
        });
        return difference;
    }

    /** Writes so far, by collection (generation suffixes dropped) and command. */
    private Map<String, Double> writes() {
        Map<String, Double> writes = new TreeMap<>();
        for (Counter counter : meters.find(StoreWrites.METER).counters()) {
            String collection = counter.getId().getTag("collection").replaceAll("_g\\d+$", "_<gen>");
            writes.merge(collection + " " + counter.getId().getTag("command"), counter.count(), Double::sum);
        }
        return writes;
    }

    private static void print(String shape, int activities, int rate, Map<String, Double> writes) {
        StringBuilder out = new StringBuilder(String.format("%nreporting store writes per activity, %s: %d activities at %d/s in"
                + " requests of 20%n", shape, activities, rate));
        double total = 0;
        for (Map.Entry<String, Double> entry : writes.entrySet()) {
            out.append(String.format("  %-45s %8.0f  %6.3f%n", entry.getKey(), entry.getValue(), entry.getValue() / activities));
            total += entry.getValue();
        }
        out.append(String.format("  %-45s %8.0f  %6.3f%n", "total", total, total / activities));
        System.out.print(out);
    }
}
