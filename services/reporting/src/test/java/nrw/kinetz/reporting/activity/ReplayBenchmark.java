package nrw.kinetz.reporting.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.testkit.BenchmarkResult;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.activity.adapter.KafkaActivityRecords;
import nrw.kinetz.reporting.activity.adapter.KafkaActivityTopic;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.CellKey;
import nrw.kinetz.reporting.activity.model.CellState;
import nrw.kinetz.reporting.activity.model.CellUpdate;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.model.LedgerEntry;
import nrw.kinetz.reporting.activity.model.Tally;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.replay.ActivityRebuild;
import nrw.kinetz.reporting.activity.replay.ActivityTopic;
import nrw.kinetz.reporting.activity.store.ActivityStore;
import nrw.kinetz.reporting.activity.store.ExclusiveReplayStore;
import nrw.kinetz.reporting.activity.store.ForwardingActivityStore;

/**
 * Benchmark, not a test (the name keeps it out of {@code mvn test}; see docs/benchmarks.md, "Reporting"): the
 * replay of {@code ki.activities.v1} into a fresh generation of the activities read model, against the limits of
 * its path measured in the same run (docs/architecture.md#performance) — Kafka's own {@code ConsumerPerformance} on the same topic,
 * in a separate process, and the store's raw unordered bulk writes of the same documents with the driver.
 *
 * <p>System properties: {@code benchmark.events} (default 50000), {@code benchmark.rounds} (default 3),
 * {@code benchmark.sites} (default 54; more come from the synthetic key range), {@code benchmark.result} (a file for
 * {@code ./kinetz bench}), {@code benchmark.kafkaToolsClasspath} (a file
 * holding the class path of {@code org.apache.kafka:kafka-tools}; without it the Kafka limit is not measured).
 * The result is printed and written to {@code target/benchmark-reporting.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class ReplayBenchmark {

    private static final List<FocusArea> FOCUS_AREAS = List.of(FocusArea.values());
    private static final List<ActivityType> TYPES = List.of(ActivityType.values());
    private static final List<Program> PROGRAMS = List.of(Program.KOMM_AN_II, Program.KIM, Program.GRIFFBEREIT, Program.KI_GRUNDFOERDERUNG);
    /** The replay's batch, so that the raw writes are the documents the replay must write, no more. */
    private static final int BATCH = KafkaActivityTopic.REPLAY_BATCH;
    private static double parseSeconds;
    private static final int SITES = Integer.getInteger("benchmark.sites", KiSites.all().size());

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ActivityEventsListener listener;

    @Autowired
    ActivityReadModel model;

    @Autowired
    KafkaActivityTopic topic;

    @Autowired
    MongoOperations mongo;

    @Test
    void replayAgainstTheLimitsOfItsPath(TestInfrastructure infrastructure) throws Exception {
        int events = Integer.getInteger("benchmark.events", 50_000);
        Map<String, String> results = new LinkedHashMap<>();

        List<ProducerRecord<String, byte[]>> records = records(events);
        long bytes = records.stream().mapToLong(r -> r.value().length).sum();
        long start = System.nanoTime();
        // In slices, each acknowledged before the next: hundreds of thousands of records handed to the producer at once
        // wait in its buffer past the delivery timeout on a loaded machine.
        for (int from = 0; from < records.size(); from += 5_000) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            records.subList(from, Math.min(records.size(), from + 5_000)).forEach(record -> sends.add(kafka.send(record)));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        double produced = seconds(start);
        ListenerCatchUp.await(infrastructure.kafkaBootstrapServers(), listener.activeGroupId(), Topics.ACTIVITIES,
                java.time.Duration.ofMinutes(10));
        double live = seconds(start);
        results.put("events", String.valueOf(events));
        results.put("payload bytes (mean)", String.valueOf(bytes / events));
        results.put("produce (KafkaTemplate, acks=all)", rate(events, produced));
        results.put("live ingestion incl. produce (listener caught up)", rate(events, live));
        List<ActivityFact> facts = parse(records);
        // Kept only as the facts the raw writes need: the records (about ten times the facts' size, with their headers)
        // would stay in this JVM's heap through every replay, for its collector to trace and move at ten times the events.
        records = null;

        Map<Integer, Long> end = topic.committed(listener.activeGroupId());
        String kafkaToolsClasspath = System.getProperty("benchmark.kafkaToolsClasspath");
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<Double> ratios = new ArrayList<>();
        List<Double> replayTimes = new ArrayList<>();
        // with the test kit's in-JVM infrastructure this JVM holds the store's data too, and its collector's pauses grow with it
        List<Double> collectorTimes = new ArrayList<>();
        StringBuilder perRound = new StringBuilder();
        for (int round = 1; round <= rounds; round++) {
            // Interleaved, so that load from other processes on the machine hits all three alike.
            Generation scratch = new Generation(900 + round);
            MongoActivityStore.drop(mongo, scratch);
            TimedStore timed = new TimedStore(model.store(scratch, false));
            ExclusiveReplayStore replayStore = new ExclusiveReplayStore(timed, ActivityRebuild.REMEMBERED_ACTIVITIES,
                    ActivityRebuild.PENDING_CELLS);
            ActivityProjection projection = new ActivityProjection(replayStore);
            long[] replayed = {0};
            double collectorBefore = BenchmarkResult.collectorSeconds();
            start = System.nanoTime();
            try (ActivityTopic.Replay replay = topic.replay("benchmark-replay-" + UUID.randomUUID())) {
                replay.catchUp(() -> end, polled -> {
                    projection.apply(polled);
                    replayed[0] += polled.size();
                });
                replayStore.flush();
            }
            double replaySeconds = seconds(start);
            replayTimes.add(replaySeconds);
            collectorTimes.add(BenchmarkResult.collectorSeconds() - collectorBefore);
            long cells = mongo.getCollection(MongoActivityStore.cellsOf(scratch)).countDocuments();
            assertThat(replayed[0]).isEqualTo(events);
            MongoActivityStore.drop(mongo, scratch);
            model.forget(scratch);

            double store = rawStoreWrites(facts);
            double kafkaRate = kafkaToolsClasspath == null ? Double.NaN
                    : consumerPerformance(Files.readString(Path.of(kafkaToolsClasspath)).strip(), infrastructure.kafkaBootstrapServers(), events);
            double limit = Math.min(events / store, Double.isNaN(kafkaRate) ? Double.MAX_VALUE : kafkaRate);
            double ratio = events / replaySeconds / limit;
            ratios.add(ratio);
            perRound.append(String.format("| %d | %.0f | %.0f | %.0f | %s | %.2f s | %d | %.2f |%n", round, events / replaySeconds,
                    kafkaRate, events / store, timed, collectorTimes.get(collectorTimes.size() - 1), cells, ratio));
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        results.put("parsing the records (CloudEvents headers + JSON payload)", rate(events, parseSeconds));
        results.put("replay / path limit, median of " + rounds + " rounds", String.format("**%.2f**", sorted.get(sorted.size() / 2)));

        StringBuilder table = new StringBuilder("| measure | result |\n| --- | --- |\n");
        results.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        table.append("\n| round | replay (events/s) | Kafka ConsumerPerformance (records/s) | store raw bulk writes (events/s) "
                + "| replay's store time: ledger read / cell states / cell writes / ledger writes | collector pauses during the replay "
                + "| cells | replay / slower limit |\n| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n").append(perRound);
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-reporting.md"), table.toString());
        new BenchmarkResult().put("events", events).put("sites", SITES).put("ratio", sorted.get(sorted.size() / 2))
                .put("replaySeconds", replayTimes.stream().sorted().toList().get(replayTimes.size() / 2))
                .put("collectorSeconds", collectorTimes.stream().sorted().toList().get(collectorTimes.size() / 2))
                .put("heapMb", BenchmarkResult.heapAfterCollectionMb()).write();
    }

    /**
     * Activities spread over the 54 sites, twelve months and twelve code combinations (7,776 cells, about six
     * activities per cell at 50,000), with a short note.
     */
    private static List<ProducerRecord<String, byte[]>> records(int events) {
        Random random = new Random(42);
        List<SiteId> sites = sites();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            FocusArea focusArea = FOCUS_AREAS.get(random.nextInt(3));
            ActivityReported report = new ActivityReported(UUID.randomUUID(), sites.get(random.nextInt(sites.size())),
                    LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), focusArea.field(), focusArea,
                    TYPES.get(random.nextInt(2)), random.nextBoolean() ? null : PROGRAMS.get(0), null,
                    null, new ActivityMetrics(random.nextInt(40), random.nextInt(6), 1 + random.nextInt(4), 1 + random.nextInt(8)),
                    "Elterncafé im Familienzentrum, Sprachförderung");
            records.add(CloudEventsKafka.toRecord(EventEnvelope.of(report.activityId(), EventSource.site(report.siteId()),
                    ActivityEventTypes.REPORTED, report.siteId().value(), report)));
        }
        return records;
    }

    /**
     * The 54 sites, or with {@code benchmark.sites} above 54 as many, the rest from the synthetic key range (the growth
     * run at ten times the sites: more cells, fewer activities per cell).
     */
    private static List<SiteId> sites() {
        List<SiteId> sites = new ArrayList<>(KiSites.all().stream().map(s -> s.siteId()).toList());
        for (int n = 1; sites.size() < SITES; n++) {
            sites.add(SiteId.synthetic(n));
        }
        return sites;
    }

    /** The records as the replay parses them (its own time, not the store's: measured apart). */
    private static List<ActivityFact> parse(List<ProducerRecord<String, byte[]>> records) {
        List<ActivityFact> facts = new ArrayList<>(records.size());
        long parseStart = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<String, byte[]> record = records.get(i);
            facts.add(KafkaActivityRecords.fact(new org.apache.kafka.clients.consumer.ConsumerRecord<>(record.topic(), 0, i,
                    record.key(), record.value()) {
                {
                    record.headers().forEach(header -> headers().add(header));
                }
            }).orElseThrow());
        }
        parseSeconds = seconds(parseStart);
        return facts;
    }

    /**
     * What a replay must write, as raw driver bulk writes: per batch its ledger pages; its distinct cells once, when
     * as many wait as the replay holds back, and at the end.
     */
    private double rawStoreWrites(List<ActivityFact> facts) {
        MongoCollection<Document> ledger = mongo.getCollection("benchmark_ledger");
        MongoCollection<Document> cells = mongo.getCollection("benchmark_cells");
        ledger.drop();
        cells.drop();
        // the replay's ledger index, which every page written must go through
        ledger.createIndex(Indexes.ascending("ids"), new IndexOptions().unique(true).sparse(true));
        long start = System.nanoTime();
        Map<String, Tally> sums = new HashMap<>();
        for (int from = 0; from < facts.size(); from += BATCH) {
            List<ActivityFact> batch = facts.subList(from, Math.min(facts.size(), from + BATCH));
            List<LedgerEntry> entries = new ArrayList<>(batch.size());
            for (ActivityFact fact : batch) {
                entries.add(new LedgerEntry(fact.activityId(), fact.key(), fact.tally(), fact.at(), null));
                sums.merge(fact.key().value(), fact.tally(), Tally::plus);
            }
            List<Document> documents = MongoActivityStore.ledgerPages(entries);
            ledger.insertMany(documents, new InsertManyOptions().ordered(false));
            if (sums.size() >= ActivityRebuild.PENDING_CELLS) {
                upsert(cells, sums);
            }
        }
        upsert(cells, sums);
        double seconds = seconds(start);
        ledger.drop();
        cells.drop();
        return seconds;
    }

    private static void upsert(MongoCollection<Document> cells, Map<String, Tally> sums) {
        if (sums.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>();
        sums.forEach((key, t) -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", key), Updates.combine(
                Updates.inc("activities", t.activities()), Updates.inc("participants", t.participants()),
                Updates.inc("volunteers", t.volunteers()), Updates.inc("sessions", t.sessions()), Updates.inc("hours", t.hours())),
                new UpdateOptions().upsert(true))));
        cells.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        sums.clear();
    }

    /** Where a replay's store time goes. */
    private static final class TimedStore extends ForwardingActivityStore {

        private final long[] nanos = new long[4];

        TimedStore(ActivityStore store) {
            super(store);
        }

        @Override
        public Map<UUID, LedgerEntry> ledger(java.util.Collection<UUID> activityIds) {
            long start = System.nanoTime();
            try {
                return store.ledger(activityIds);
            } finally {
                nanos[0] += System.nanoTime() - start;
            }
        }

        @Override
        public Map<CellKey, CellState> states(java.util.Collection<CellKey> keys) {
            long start = System.nanoTime();
            try {
                return store.states(keys);
            } finally {
                nanos[1] += System.nanoTime() - start;
            }
        }

        @Override
        public void apply(List<CellUpdate> updates) {
            long start = System.nanoTime();
            try {
                store.apply(updates);
            } finally {
                nanos[2] += System.nanoTime() - start;
            }
        }

        @Override
        public void record(java.util.Collection<LedgerEntry> created, java.util.Collection<LedgerEntry> changed) {
            long start = System.nanoTime();
            try {
                store.record(created, changed);
            } finally {
                nanos[3] += System.nanoTime() - start;
            }
        }

        @Override
        public String toString() {
            return String.format("%.2f / %.2f / %.2f / %.2f s", nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9, nanos[3] / 1e9);
        }
    }

    /** Kafka's own consumer benchmark in a separate JVM on the same topic, from the start. */
    private static double consumerPerformance(String classpath, String bootstrapServers, int events) throws Exception {
        Process process = new ProcessBuilder("java", "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", Topics.ACTIVITIES, "--messages", String.valueOf(events),
                "--group", "benchmark-" + UUID.randomUUID(), "--timeout", "60000")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(lines::add);
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        String last = lines.get(lines.size() - 1);
        String[] columns = last.split(",\\s*");
        assertThat(columns).as(String.join("\n", lines)).hasSizeGreaterThanOrEqualTo(10);
        return Double.parseDouble(columns[9].strip());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String rate(long events, double seconds) {
        return String.format("%.0f events/s (%.2f s)", events / seconds, seconds);
    }
}
