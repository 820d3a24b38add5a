package nrw.kinetz.reporting.activity;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.envelope;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.replay.ActivityReconciler;

/**
 * Read models are disposable (docs/architecture.md#rebuild): a rebuild from the topic gives the same aggregates as the
 * incremental model, and a reconciliation recomputes a period from the raw events and finds no difference —
 * unless the stored model was tampered with.
 */
class RebuildAndReconciliationIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> GROUPINGS = List.of("site", "regierungsbezirk", "field", "focusArea", "activityType", "program");

    @Autowired
    ActivityEventsListener listener;

    @Autowired
    ActivityReadModel model;

    @Autowired
    MongoOperations mongo;

    @Autowired
    ActivityReconciler reconciler;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aRebuildGivesTheSameAggregatesSwitchesGenerationAndAnnouncesNothingTwice() {
        ActivityReported retracted = report(KOELN, LocalDate.of(2009, 10, 1), 30, 3);
        ActivityReported duplicated = report(SOEST, LocalDate.of(2009, 3, 1), 4, 1);
        publish(List.of(envelope(duplicated), envelope(duplicated),
                envelope(report(DUESSELDORF, LocalDate.of(2009, 3, 2), FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.FORTBILDUNG,
                        Program.KOMM_AN_II, 11, 2, 2, 6)),
                envelope(retracted), ActivityEvents.retraction(retracted)));
        await().atMost(WAIT).until(() -> laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2009")
                .get("total").get("activities").asInt() == 2);
        caughtUp();
        Map<String, JsonNode> before = everyAnswer();
        Generation from = model.activeGeneration();
        String feedEnd = http.feedEnd();

        HttpResponse<String> started = http.post("/api/v1/admin/rebuild", TestTokens.laki());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json(started).get("targetGeneration").asInt()).isEqualTo(from.number() + 1);
        await().atMost(WAIT).until(() -> "DONE".equals(laki("/api/v1/admin/rebuild").get("state").asString()));

        assertThat(model.activeGeneration()).isEqualTo(from.next());
        assertThat(everyAnswer()).isEqualTo(before);
        assertThat(laki("/api/v1/admin/rebuild").get("replayedEvents").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(mongo.collectionExists(MongoActivityStore.cellsOf(from))).as("old generation dropped").isFalse();
        assertThat(json(http.get("/api/v1/feed?after=" + feedEnd)).get("changes")).as("a rebuild repeats, it announces nothing").isEmpty();

        // Live events go on into the new generation, counted once, announced once.
        publish(List.of(envelope(report(SOEST, LocalDate.of(2009, 3, 9), 6, 0))));
        await().atMost(WAIT).until(() -> laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2009")
                .get("total").get("activities").asInt() == 3);
        await().atMost(WAIT).until(() -> json(http.get("/api/v1/feed?after=" + feedEnd)).get("changes").size() == 1);
        JsonNode announced = json(http.get("/api/v1/feed?after=" + feedEnd, TestTokens.laki())).get("changes").get(0);
        assertThat(announced.get("values").get("participants").asInt()).isEqualTo(10);
    }

    @Test
    void reconciliationRecomputesAPeriodFromTheTopicAndFindsNoDifference() {
        publish(List.of(envelope(report(SOEST, LocalDate.of(2008, 5, 1), 7, 1)), envelope(report(KOELN, LocalDate.of(2008, 6, 1), 9, 2))));
        await().atMost(WAIT).until(() -> laki("/api/v1/aggregates?measure=activities&groupBy=site&period=2008")
                .get("total").get("activities").asInt() == 2);
        caughtUp();

        JsonNode clean = laki("/api/v1/admin/reconciliation?period=2008");
        assertThat(clean.get("period").asString()).isEqualTo("2008");
        assertThat(clean.get("cells").asInt()).isEqualTo(2);
        assertThat(clean.get("events").asInt()).isEqualTo(2);
        assertThat(clean.get("differences")).isEmpty();
        assertThat(clean.get("skipped")).isEmpty();

        // Someone edits the store by hand: the reconciliation names the cell and both values.
        String key = "activities/05974/2008-05/FRUEHE_BILDUNG/BERATUNG/NONE";
        mongo.getCollection(MongoActivityStore.cellsOf(model.activeGeneration())).updateOne(Filters.eq("_id", key), Updates.inc("participants", 100));
        JsonNode tampered = laki("/api/v1/admin/reconciliation?period=2008-Q2");
        mongo.getCollection(MongoActivityStore.cellsOf(model.activeGeneration())).updateOne(Filters.eq("_id", key), Updates.inc("participants", -100));

        assertThat(tampered.get("differences")).hasSize(1);
        JsonNode difference = tampered.get("differences").get(0);
        assertThat(difference.get("key").asString()).isEqualTo(key);
        assertThat(difference.get("incremental").get("participants").asInt()).isEqualTo(107);
        assertThat(difference.get("recomputed").get("participants").asInt()).isEqualTo(7);
    }

    @Test
    void aDifferingPeriodIsFoundAndRepairedByARebuildWithoutAPersonAndShownInHealthAndMetrics() {
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).withDayOfMonth(1);
        publish(List.of(envelope(report(SOEST, day, 7, 1))));
        String period = String.valueOf(day.getYear());
        await().atMost(WAIT).until(() -> laki("/api/v1/aggregates?measure=activities&groupBy=site&period=" + period)
                .at("/total/activities").asInt() >= 1);
        caughtUp();
        int participants = laki("/api/v1/aggregates?measure=activities&groupBy=site&period=" + period).at("/total/participants").asInt();
        await().atMost(WAIT).until(() -> reconciler.run().differences() == 0);
        int repairsBefore = reconciler.repairs();

        // A write the store lost, a bug, a hand edit: the stored cell no longer matches the topic.
        String key = "activities/05974/" + day.toString().substring(0, 7) + "/FRUEHE_BILDUNG/BERATUNG/NONE";
        mongo.getCollection(MongoActivityStore.cellsOf(model.activeGeneration())).updateOne(Filters.eq("_id", key),
                Updates.inc("participants", 100));
        ActivityReconciler.Outcome outcome = reconciler.run();

        assertThat(outcome.differences()).isEqualTo(1);
        assertThat(outcome.repaired()).isTrue();
        await().atMost(WAIT).until(() -> "DONE".equals(laki("/api/v1/admin/rebuild").get("state").asString()));
        assertThat(laki("/api/v1/aggregates?measure=activities&groupBy=site&period=" + period).at("/total/participants").asInt())
                .isEqualTo(participants);
        assertThat(reconciler.run().differences()).isZero();
        assertThat(meters.get("kinetz.reporting.reconciliation.repairs").gauge().value()).isEqualTo(repairsBefore + 1);
        assertThat(meters.get("kinetz.reporting.reconciliation.differences").gauge().value()).isZero();
        JsonNode health = json(http.get("/actuator/health", TestTokens.laki())).at("/components/reconciliation");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/repairs").asInt()).isEqualTo(repairsBefore + 1);
        assertThat(health.at("/details/periods")).hasSize(2);
        JsonNode publicHealth = json(http.get("/actuator/health", TestTokens.viewer()));
        assertThat(publicHealth.get("status").asString()).isEqualTo("UP");
        assertThat(publicHealth.has("components")).as("the reconciliation and its details are for laki only").isFalse();
    }

    @Test
    void operatingTheReadModelNeedsTheLakiRole() {
        assertThat(http.post("/api/v1/admin/rebuild", null).statusCode()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/rebuild", TestTokens.viewer()).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/v1/admin/rebuild", TestTokens.ki(SOEST)).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/admin/rebuild").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/reconciliation?period=2008", TestTokens.viewer()).statusCode()).isEqualTo(403);
    }

    @Test
    void reconciliationWithoutAWellFormedPeriodIsA400() {
        HttpResponse<String> missing = http.get("/api/v1/admin/reconciliation", TestTokens.laki());
        HttpResponse<String> malformed = http.get("/api/v1/admin/reconciliation?period=Q2-2008", TestTokens.laki());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").get(0).get("pointer").asString()).isEqualTo("/period");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("errors").get(0).get("detail").asString()).contains("'Q2-2008' is not a period");
    }

    /** Every grouping for 2009 and for all time, exact. */
    private Map<String, JsonNode> everyAnswer() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String groupBy : GROUPINGS) {
            for (String period : List.of("&period=2009", "&period=2009-Q1", "")) {
                String query = "/api/v1/aggregates?measure=activities&groupBy=" + groupBy + period;
                answers.put(query, laki(query));
            }
        }
        return answers;
    }

    private void publish(List<EventEnvelope<?>> events) {
        ActivityEvents.publishAll(publisher, events);
    }

    private JsonNode laki(String query) {
        HttpResponse<String> response = http.get(query, TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void caughtUp() {
        ListenerCatchUp.await(bootstrapServers, listener.activeGroupId(), Topics.ACTIVITIES, WAIT);
    }
}
