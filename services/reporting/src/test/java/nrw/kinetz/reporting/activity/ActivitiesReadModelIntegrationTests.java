package nrw.kinetz.reporting.activity;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.envelope;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import tools.jackson.databind.JsonNode;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;

/**
 * The activities read model through the real broker and store: events published to {@code ki.activities.v1}
 * as the intake publishes them, answers read over HTTP with a laki token (exact numbers). Each test works in a
 * year of its own, so tests need not empty the shared read model.
 */
class ActivitiesReadModelIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ActivityEventsListener listener;

    @Autowired
    ActivityReadModel model;

    @Autowired
    MongoOperations mongo;

    @Test
    void reportsAreSummedPerSiteAndRolledUpToRegierungsbezirkAndNetwork() {
        publishAll(
                report(SOEST, LocalDate.of(2011, 3, 5), 10, 2),
                report(SOEST, LocalDate.of(2011, 3, 20), 7, 0),
                report(SOEST, LocalDate.of(2011, 5, 2), FocusArea.ARBEIT, ActivityType.PROJEKT, Program.KOMM_AN_II, 6, 5, 3, 10),
                report(DUESSELDORF, LocalDate.of(2011, 3, 10), FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 20, 1, 2, 4),
                report(KOELN, LocalDate.of(2011, 11, 11), FocusArea.SPORT, ActivityType.VERANSTALTUNG, Program.KIM, 30, 8, 1, 5));

        JsonNode year = awaitTotal("/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=2011", 5);

        assertThat(year.get("measure").asString()).isEqualTo("activities");
        assertThat(year.get("rows").findValuesAsString("label")).containsExactly("Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg");
        assertThat(year.get("rows").get(0).get("values")).isEqualTo(json("""
                {"activities":1,"participants":20,"volunteers":1,"sessions":2,"hours":4}"""));
        assertThat(year.get("rows").get(4).get("values")).isEqualTo(json("""
                {"activities":3,"participants":23,"volunteers":7,"sessions":5,"hours":14}"""));
        assertThat(year.get("total")).isEqualTo(json("""
                {"activities":5,"participants":73,"volunteers":16,"sessions":8,"hours":23}"""));

        JsonNode bySite = laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2011");
        assertThat(bySite.get("rows")).hasSize(54);
        assertThat(row(bySite, SOEST).get("label").asString()).isEqualTo("Kreis Soest");
        assertThat(row(bySite, SOEST).get("values").get("activities").asInt()).isEqualTo(3);
        assertThat(row(bySite, "05334002").get("values").get("activities").asInt()).isZero();
    }

    @Test
    void quartersAndMonthsAreRolledUpFromTheSameMonthlyCells() {
        publishAll(
                report(SOEST, LocalDate.of(2012, 1, 31), 5, 0),
                report(SOEST, LocalDate.of(2012, 2, 1), 6, 0),
                report(SOEST, LocalDate.of(2012, 4, 1), 7, 0));
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2012", 3);

        assertThat(total("/api/v1/aggregates?measure=activities&groupBy=site&period=2012-Q1", "participants")).isEqualTo(11);
        assertThat(total("/api/v1/aggregates?measure=activities&groupBy=site&period=2012-02", "participants")).isEqualTo(6);
        assertThat(total("/api/v1/aggregates?measure=activities&groupBy=site&period=2012-Q2", "participants")).isEqualTo(7);
        assertThat(total("/api/v1/aggregates?measure=activities&groupBy=site&period=2012-Q3", "participants")).isZero();
    }

    @Test
    void everyGroupingListsAllItsGroupsInCodeListOrder() {
        publishAll(report(SOEST, LocalDate.of(2019, 6, 1), FocusArea.SPORT, ActivityType.VERANSTALTUNG, Program.RUCKSACK_KITA, 9, 0, 1, 1),
                report(SOEST, LocalDate.of(2019, 6, 2), FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, null, 8, 0, 1, 1));
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=field&period=2019", 2);

        JsonNode fields = laki("/api/v1/aggregates?measure=activities&groupBy=field&period=2019");
        assertThat(fields.get("rows").findValuesAsString("key")).containsExactly("BILDUNG", "QUERSCHNITT");
        assertThat(fields.get("rows").get(0).get("values").get("participants").asInt()).isEqualTo(8);
        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=focusArea&period=2019").get("rows")).hasSize(14);
        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=activityType&period=2019").get("rows")).hasSize(9);
        JsonNode programs = laki("/api/v1/aggregates?measure=activities&groupBy=program&period=2019");
        assertThat(programs.get("rows")).hasSize(10);
        assertThat(row(programs, "NONE").get("label").asString()).isEqualTo("ohne Programm");
        assertThat(row(programs, "NONE").get("values").get("participants").asInt()).isEqualTo(8);
        assertThat(row(programs, "RUCKSACK_KITA").get("values").get("participants").asInt()).isEqualTo(9);
    }

    @Test
    void theSameActivityPublishedTwiceOrWithOtherContentCountsOnce() {
        ActivityReported first = report(SOEST, LocalDate.of(2013, 4, 1), 12, 3);
        ActivityReported sameIdOtherContent = new ActivityReported(first.activityId(), first.siteId(), first.occurredOn(),
                first.field(), first.focusArea(), first.activityType(), null, null, null,
                new nrw.kinetz.model.activity.ActivityMetrics(99, 99, 9, 9), null);
        ActivityEvents.publishAll(publisher, List.of(envelope(first)));
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2013", 1);

        // The intake re-publishes after a crash (same ce_id, new offset), and a misbehaving client reuses an id.
        ActivityEvents.publishAll(publisher, List.of(envelope(first), envelope(sameIdOtherContent), envelope(first)));
        caughtUp();

        JsonNode total = laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2013").get("total");
        assertThat(total).isEqualTo(json("""
                {"activities":1,"participants":12,"volunteers":3,"sessions":1,"hours":2}"""));
    }

    @Test
    void aRedeliveredBatchChangesNothingEvenAfterACrashBetweenCellsAndLedger() {
        List<ActivityReported> reports = List.of(report(SOEST, LocalDate.of(2014, 2, 1), 5, 1),
                report(SOEST, LocalDate.of(2014, 2, 2), 6, 1), report(KOELN, LocalDate.of(2014, 2, 3), 7, 1));
        publishAll(reports.toArray(ActivityReported[]::new));
        JsonNode before = awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2014", 3);
        caughtUp();
        List<ConsumerRecord<String, byte[]>> records = records(reports.stream().map(ActivityReported::activityId).toList());

        // Kafka redelivers after a rebalance: the same records, same partitions and offsets.
        listener.onBatch(records);
        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2014")).isEqualTo(before);

        // The process died after writing the cells, before the ledger: the ledger does not know the activities.
        List<String> ids = reports.stream().map(r -> r.activityId().toString()).toList();
        mongo.getCollection(MongoActivityStore.ledgerOf(model.activeGeneration())).updateMany(Filters.in("ids", ids),
                Updates.combine(Updates.pullAll("ids", ids), Updates.combine(ids.stream().map(id -> Updates.unset("e." + id)).toList())));
        assertThat(model.active().ledger(reports.stream().map(ActivityReported::activityId).toList())).isEmpty();
        listener.onBatch(records);
        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2014")).isEqualTo(before);
        assertThat(model.active().ledger(reports.stream().map(ActivityReported::activityId).toList())).hasSize(3);
    }

    @Test
    void aRetractionTakesExactlyItsReportAwayOnce() {
        ActivityReported kept = report(SOEST, LocalDate.of(2015, 9, 1), 8, 2);
        ActivityReported wrong = report(SOEST, LocalDate.of(2015, 9, 2), 40, 4);
        publishAll(kept, wrong);
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2015", 2);

        ActivityEvents.publishAll(publisher, List.of(ActivityEvents.retraction(wrong)));
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2015", 1);
        // Retracted again (re-published) and re-reported (re-published report): both change nothing.
        ActivityEvents.publishAll(publisher, List.of(ActivityEvents.retraction(wrong), envelope(wrong)));
        caughtUp();

        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2015").get("total")).isEqualTo(json("""
                {"activities":1,"participants":8,"volunteers":2,"sessions":1,"hours":2}"""));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheRecordsAroundItAreCounted() throws Exception {
        publishAll(report(SOEST, LocalDate.of(2016, 1, 1), 5, 0));
        String poisonId = UUID.randomUUID().toString();
        var poison = new ProducerRecord<String, byte[]>(Topics.ACTIVITIES, SOEST, "{\"activityId\":42}".getBytes(StandardCharsets.UTF_8));
        String[] headers = {CloudEventsKafka.SPECVERSION, "1.0", CloudEventsKafka.ID, poisonId, CloudEventsKafka.SOURCE, "/ki/" + SOEST,
                CloudEventsKafka.TYPE, "nrw.ki.activity.reported.v1", CloudEventsKafka.TIME, "2016-01-02T10:00:00Z",
                CloudEventsKafka.SUBJECT, SOEST};
        for (int i = 0; i < headers.length; i += 2) {
            poison.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(poison).get(10, TimeUnit.SECONDS);
        publishAll(report(SOEST, LocalDate.of(2016, 1, 3), 6, 0));

        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2016", 2);
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.read(bootstrapServers, Topics.deadLetter(Topics.ACTIVITIES),
                r -> poisonId.equals(CloudEventsKafka.header(r.headers(), CloudEventsKafka.ID).orElse(null)), 1, WAIT);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void cellsAreStoredWithTheirCoordinatesSoThatTheStoreReadsOnItsOwn() {
        ActivityReported reported = report(KOELN, LocalDate.of(2010, 7, 14), FocusArea.KULTUR, ActivityType.PROJEKT, Program.KOMM_AN_I, 9, 1, 2, 3);
        publishAll(reported);
        awaitTotal("/api/v1/aggregates?measure=activities&groupBy=site&period=2010", 1);

        Document cell = mongo.getCollection(MongoActivityStore.cellsOf(model.activeGeneration()))
                .find(Filters.eq("_id", "activities/05315/2010-07/KULTUR/PROJEKT/KOMM_AN_I")).first();
        assertThat(cell).isNotNull();
        assertThat(cell).containsEntry("site", KOELN).containsEntry("regierungsbezirk", "3").containsEntry("field", "QUERSCHNITT")
                .containsEntry("month", "2010-07").containsEntry("program", "KOMM_AN_I");
        assertThat(((Number) cell.get("participants")).longValue()).isEqualTo(9);
        assertThat(Set.of(cell.keySet().toArray())).doesNotContain("note");
    }

    private void publishAll(ActivityReported... reports) {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(reports)));
    }

    private JsonNode awaitTotal(String query, int activities) {
        JsonNode[] answer = new JsonNode[1];
        await().atMost(WAIT).untilAsserted(() -> {
            answer[0] = laki(query);
            assertThat(answer[0].get("total").get("activities").asInt()).isEqualTo(activities);
        });
        return answer[0];
    }

    private long total(String query, String metric) {
        return laki(query).get("total").get(metric).asLong();
    }

    private JsonNode laki(String query) {
        var response = http.get(query, TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode row(JsonNode answer, String key) {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + answer);
    }

    private void caughtUp() {
        ListenerCatchUp.await(bootstrapServers, listener.activeGroupId(), Topics.ACTIVITIES, WAIT);
    }

    private List<ConsumerRecord<String, byte[]>> records(List<UUID> ids) {
        Set<String> wanted = Set.copyOf(ids.stream().map(UUID::toString).toList());
        List<ConsumerRecord<String, byte[]>> found = TopicReader.read(bootstrapServers, Topics.ACTIVITIES,
                r -> wanted.contains(CloudEventsKafka.header(r.headers(), CloudEventsKafka.ID).orElse("")), ids.size(), WAIT);
        assertThat(found).hasSize(ids.size());
        return found;
    }
}
