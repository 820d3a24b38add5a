package nrw.kinetz.programs.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.InsertManyOptions;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.programs.Activities;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.programs.outbox.StoredEvent;
import nrw.kinetz.testkit.BenchmarkResult;
import nrw.kinetz.testkit.BenchmarkRounds;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Benchmark, not a test (the name keeps it out of {@code mvn test}; see docs/benchmarks.md, "Program tracking"):
 * the replay of activity records into the indicators' read model — each record parsed from its CloudEvents
 * Kafka form and applied by the listener's projection in polls of 500, with the {@code IndicatorProgressed}
 * event written into each document and one announcement document per poll, while the outbox relay publishes and
 * marks the events — against the store's raw unordered bulk insert (the driver's {@code insertMany}, as the replay's) of exactly the documents the replay wrote (both
 * collections), measured in the same run on the same store. The goal is a ratio of at least 0.5.
 * Both are run in unmeasured warm-up rounds ({@link BenchmarkRounds}), then in {@code benchmark.rounds} interleaved rounds (default 3); the median ratio
 * is the figure. System property {@code benchmark.events} (default 20000). Each round also prints the CPU its JVM
 * spent per record on either side, by kind of thread ({@link CpuUse}).
 */
@SpringBootTest(classes = ProgramTrackingApplication.class, properties = {ProgramTrackingIntegrationTest.NO_SEED,
        "spring.mongodb.database=program-tracking-benchmark", "spring.kafka.consumer.group-id=program-tracking-benchmark",
        "kinetz.programs.relay.poll-interval=1h"})
@WithKiNetzInfrastructure
class ReplayBenchmark {

    private static final int POLL = 500;

    @Autowired
    ActivityProjection projection;

    @Autowired
    MongoTemplate mongo;

    @Test
    void replayReachesHalfTheStoresRawBulkWriteRate() {
        int events = Integer.getInteger("benchmark.events", 20_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<ConsumerRecord<String, byte[]>> records = records(events);
        double[] median = BenchmarkRounds.median(rounds, () -> round(records));
        System.out.printf("%nprogram-tracking replay benchmark: %d activity records, median of %d rounds%n"
                + "  replay into indicators : %8.0f records/s%n"
                + "  raw bulk insert        : %8.0f docs/s%n"
                + "  ratio                  : %.2f (goal >= 0.5)%n", events, rounds, median[0], median[1],
                median[0] / median[1]);
        new BenchmarkResult().put("events", events).put("ratio", median[0] / median[1]).put("replayPerSecond", median[0])
                .put("rawPerSecond", median[1]).write();
    }

    /** One replay and one raw write of what it wrote, on emptied collections: {replay records/s, raw docs/s}. */
    private double[] round(List<ConsumerRecord<String, byte[]>> records) {
        int events = records.size();
        mongo.dropCollection(ContributionStore.COLLECTION);
        mongo.dropCollection("contributions_raw");
        mongo.dropCollection(ContributionStore.ANNOUNCEMENTS);
        mongo.dropCollection("announcements_raw");

        CpuUse cpu = CpuUse.now();
        long start = System.nanoTime();
        long replayFrom = System.currentTimeMillis();
        for (int from = 0; from < records.size(); from += POLL) {
            List<EventEnvelope<?>> poll = new ArrayList<>(POLL);
            for (ConsumerRecord<String, byte[]> record : records.subList(from, Math.min(records.size(), from + POLL))) {
                poll.add(CloudEventsKafka.fromRecord(record));
            }
            projection.apply(poll);
        }
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        phase("replay", replayFrom);
        // the relay's work belongs to the replay, and it goes on after the listener's last poll
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> mongo
                .count(query(where(StoredEvent.PENDING + ".0").exists(true)), ContributionStore.ANNOUNCEMENTS) == 0);
        String replayCpu = CpuUse.now().since(cpu, events);
        assertThat(mongo.count(new Query(), ContributionStore.COLLECTION)).isEqualTo(events);

        List<Document> written = mongo.findAll(Document.class, ContributionStore.COLLECTION);
        List<Document> announcements = mongo.findAll(Document.class, ContributionStore.ANNOUNCEMENTS);
        cpu = CpuUse.now();
        start = System.nanoTime();
        long rawFrom = System.currentTimeMillis();
        for (int from = 0; from < written.size(); from += POLL) {
            mongo.getCollection("contributions_raw").insertMany(written.subList(from, Math.min(written.size(), from + POLL)),
                    new InsertManyOptions().ordered(false));
        }
        for (Document announcement : announcements) {
            mongo.getCollection("announcements_raw").insertOne(announcement);
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        phase("raw", rawFrom);
        System.out.printf("  CPU µs a record, replay: %s%n  CPU µs a record, raw:    %s%n", replayCpu,
                CpuUse.now().since(cpu, events));
        assertThat(mongo.count(new Query(), "contributions_raw")).isEqualTo(events);
        assertThat(announcements).as("one announcement document per poll").hasSize((events + POLL - 1) / POLL);
        return new double[] {events / replaySeconds, events / rawSeconds};
    }

    /**
     * With {@code -Dbenchmark.phases=<file>}: appends the phase's wall-clock window ({@code name fromMillis toMillis}),
     * for reading a profile of the run by phase.
     */
    private static void phase(String name, long fromMillis) {
        String file = System.getProperty("benchmark.phases");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), name + " " + fromMillis + " " + System.currentTimeMillis() + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> records(int count) {
        Random random = new Random(42);
        var sites = KiSites.all();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String site = sites.get(random.nextInt(sites.size())).siteId().value();
            ActivityReported activity = Activities.activity(site, Program.KOMM_AN_II, Program.Block.A,
                    "KA2-2025-00" + random.nextInt(3), LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextInt(40), random.nextInt(6), 1 + random.nextInt(3));
            ProducerRecord<String, byte[]> produced = CloudEventsKafka.toRecord(EventEnvelope.of(activity.activityId(),
                    EventSource.site(activity.siteId()), ActivityEventTypes.REPORTED, site, activity));
            records.add(new ConsumerRecord<>(produced.topic(), 0, i, produced.key(), produced.value()) {
                {
                    produced.headers().forEach(header -> headers().add(header));
                }
            });
        }
        return records;
    }
}
