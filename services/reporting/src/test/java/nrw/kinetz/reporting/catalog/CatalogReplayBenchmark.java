package nrw.kinetz.reporting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.AttendanceRecorded;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingDetails;
import nrw.kinetz.model.catalog.OfferingPublished;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingType;
import nrw.kinetz.model.catalog.RegistrationCancelled;
import nrw.kinetz.model.catalog.RegistrationConfirmed;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.catalog.RegistrationWaitlisted;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.catalog.adapter.CatalogEventsListener;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings;
import nrw.kinetz.testkit.BenchmarkResult;
import nrw.kinetz.testkit.BenchmarkRounds;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Benchmark, not a test (the name keeps it out of {@code mvn test}; see docs/benchmarks.md, "Reporting: the catalog's
 * listener"): the replay of {@code ki.catalog.v1} into reporting's catalog read model — the records handed to
 * {@link CatalogEventsListener} in polls of 500 as its listener container hands them over (parsing, the offerings'
 * updates, the kept positions, the feed's wake-up, with the feed relay feeding the changed offerings beside it) — against the store's raw
 * unordered bulk write of what the replay had to write: per 500 records (a poll), each offering they changed, once, as
 * it stands at the end of the replay. Measured in the same run on the same store; the goal is a ratio of at least 0.5.
 * Both are run in unmeasured warm-up rounds ({@link BenchmarkRounds}), then in {@code benchmark.rounds} interleaved rounds (default 3); the median ratio is
 * the figure. System property {@code benchmark.events} (default 20000).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=reporting-catalog-benchmark", "spring.kafka.consumer.group-id=reporting-catalog-benchmark"})
@WithKiNetzInfrastructure
class CatalogReplayBenchmark {

    private static final int POLL = 500;
    private static final String RAW = "catalog_offerings_raw";

    @Autowired
    CatalogEventsListener listener;

    @Autowired
    MongoTemplate mongo;

    @Test
    void replayReachesHalfTheStoresRawBulkWriteRate() {
        int events = Integer.getInteger("benchmark.events", 20_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        List<ConsumerRecord<String, byte[]>> records = records(events);
        double[] median = BenchmarkRounds.median(rounds, () -> round(records));
        System.out.printf("%ncatalog replay benchmark: %d records, median of %d rounds%n"
                + "  replay into the catalog read model : %8.0f records/s%n"
                + "  raw bulk writes of what it changed : %8.0f records/s (%.0f documents/s)%n"
                + "  ratio                              : %.2f (goal >= 0.5)%n", events, rounds, median[0], median[1],
                median[2], median[0] / median[1]);
        new BenchmarkResult().put("events", events).put("ratio", median[0] / median[1]).put("replayPerSecond", median[0])
                .put("rawPerSecond", median[1]).put("rawDocumentsPerSecond", median[2]).write();
    }

    /** One replay and one raw write of what it changed, on emptied collections: {replay records/s, raw records/s, raw docs/s}. */
    private double[] round(List<ConsumerRecord<String, byte[]>> records) {
        int events = records.size();
        // emptied, not dropped: the read model's indexes stay, as in a running service
        mongo.remove(new Query(), MongoCatalogOfferings.COLLECTION);
        mongo.dropCollection(RAW);

        long start = System.nanoTime();
        for (int from = 0; from < events; from += POLL) {
            listener.on(records.subList(from, Math.min(events, from + POLL)));
        }
        double replaySeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Document> written = new HashMap<>();
        mongo.findAll(Document.class, MongoCatalogOfferings.COLLECTION).forEach(d -> written.put(d.getString("_id"), d));
        assertThat(written).hasSize((int) records.stream().map(ConsumerRecord::key).distinct().count());
        List<List<WriteModel<Document>>> polls = new ArrayList<>();
        for (int from = 0; from < events; from += POLL) {
            Set<String> changed = new LinkedHashSet<>();
            records.subList(from, Math.min(events, from + POLL)).forEach(record -> changed.add(record.key()));
            polls.add(changed.stream().<WriteModel<Document>>map(id -> new ReplaceOneModel<>(Filters.eq("_id", id),
                    written.get(id), new ReplaceOptions().upsert(true))).toList());
        }
        start = System.nanoTime();
        for (List<WriteModel<Document>> poll : polls) {
            mongo.getCollection(RAW).bulkWrite(poll, new BulkWriteOptions().ordered(false));
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(mongo.count(new Query(), RAW)).isEqualTo(written.size());
        int documents = polls.stream().mapToInt(List::size).sum();
        return new double[] {events / replaySeconds, events / rawSeconds, documents / rawSeconds};
    }

    /**
     * One offering in twenty records: published first, then registrations confirmed, waitlisted and cancelled and
     * attendance recorded, the offerings' records interleaved as the catalog's relay sends them (key = offering id).
     */
    private static List<ConsumerRecord<String, byte[]>> records(int count) {
        Random random = new Random(42);
        var sites = KiSites.all();
        List<String> offerings = new ArrayList<>();
        Map<String, SiteId> organisers = new HashMap<>();
        Map<String, List<String>> confirmed = new HashMap<>();
        OffsetDateTime start = OffsetDateTime.of(2027, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(1));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EventEnvelope<?> event;
            if (offerings.isEmpty() || random.nextInt(20) == 0) {
                String id = UUID.randomUUID().toString();
                SiteId site = random.nextInt(5) == 0 ? null : sites.get(random.nextInt(sites.size())).siteId();
                OffsetDateTime first = start.plusDays(random.nextInt(300));
                List<OfferingSession> sessions = new ArrayList<>();
                for (int s = 0; s < 1 + random.nextInt(3); s++) {
                    sessions.add(new OfferingSession(first.plusDays(s), first.plusDays(s).plusHours(6)));
                }
                offerings.add(id);
                organisers.put(id, site);
                confirmed.put(id, new ArrayList<>());
                event = event(CatalogEventTypes.OFFERING_PUBLISHED, id, new OfferingPublished(new OfferingDetails(id, site,
                        OfferingType.values()[random.nextInt(OfferingType.values().length)],
                        FocusArea.values()[random.nextInt(FocusArea.values().length)], "Fortbildung Sprachbildung",
                        20 + random.nextInt(30), sessions, first.minusDays(3))));
            } else {
                String id = offerings.get(random.nextInt(offerings.size()));
                SiteId site = organisers.get(id);
                List<String> people = confirmed.get(id);
                int kind = random.nextInt(20);
                if (kind < 3 && !people.isEmpty()) {
                    event = event(CatalogEventTypes.ATTENDANCE_RECORDED, id,
                            new AttendanceRecorded(people.get(random.nextInt(people.size())), id, site, 1));
                } else if (kind < 5 && !people.isEmpty()) {
                    event = event(CatalogEventTypes.REGISTRATION_CANCELLED, id, new RegistrationCancelled(
                            people.remove(random.nextInt(people.size())), id, site, RegistrationStatus.CANCELLED));
                } else if (kind < 7) {
                    event = event(CatalogEventTypes.REGISTRATION_WAITLISTED, id, new RegistrationWaitlisted(
                            UUID.randomUUID().toString(), id, site, RegistrationStatus.WAITLISTED));
                } else {
                    String registration = UUID.randomUUID().toString();
                    people.add(registration);
                    event = event(CatalogEventTypes.REGISTRATION_CONFIRMED, id,
                            new RegistrationConfirmed(registration, id, site, RegistrationStatus.CONFIRMED));
                }
            }
            ProducerRecord<String, byte[]> produced = CloudEventsKafka.toRecord(event);
            records.add(new ConsumerRecord<>(produced.topic(), 0, i, produced.key(), produced.value()) {
                {
                    produced.headers().forEach(header -> headers().add(header));
                }
            });
        }
        return records;
    }

    /** Stamped as event-catalog stamps its events: UTC, milliseconds. */
    private static <T> EventEnvelope<T> event(EventType<T> type, String offeringId, T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/services/event-catalog"), type,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), offeringId, payload);
    }
}
