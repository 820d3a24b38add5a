package nrw.kinetz.reporting.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters of reporting's listeners are listed and re-driven by the LaKI (service-support's
 * {@code /api/v1/dead-letters}). The dead letters here are valid activities that a listener gave up on — what the
 * old error handling did to every record of a poll during a store outage: re-driven, each is counted exactly once,
 * however often the re-drive is repeated.
 */
class DeadLettersIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNT = "/api/v1/aggregates?measure=activities&groupBy=site&period=2003";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ActivityEventsListener listener;

    @Test
    void deadLettersAreListedAndReDrivenIntoAFixedCountThatRepeatingDoesNotChange() throws Exception {
        List<ActivityReported> lost = List.of(ActivityEvents.report(ActivityEvents.KOELN, LocalDate.of(2003, 5, 1), 7, 0),
                ActivityEvents.report(ActivityEvents.KOELN, LocalDate.of(2003, 5, 2), 8, 0),
                ActivityEvents.report(ActivityEvents.KOELN, LocalDate.of(2003, 5, 3), 9, 0));
        for (ActivityReported report : lost) {
            deadLetter(report);
        }
        String first = lost.get(0).activityId().toString();

        JsonNode listed = ReportingHttp.json(expect(http.get("/api/v1/dead-letters?topic=ki.activities.v1", TestTokens.laki()), 200));
        List<JsonNode> ours = ours(listed, lost);
        assertThat(ours).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.get("topic").asString()).isEqualTo(Topics.ACTIVITIES);
            assertThat(entry.get("exception").asString()).isEqualTo("com.mongodb.MongoTimeoutException");
            assertThat(entry.get("redrivenAt").isNull()).isTrue();
        });

        JsonNode one = ReportingHttp.json(expect(http.post("/api/v1/dead-letters/redrive?topic=ki.activities.v1&id=" + first, TestTokens.laki()), 200));
        assertThat(one.get("redriven").asInt()).isEqualTo(1);
        awaitActivities(1, 7);

        String query = lost.stream().map(r -> "&id=" + r.activityId()).reduce("", String::concat);
        JsonNode rest = ReportingHttp.json(expect(http.post("/api/v1/dead-letters/redrive?topic=ki.activities.v1" + query, TestTokens.laki()), 200));
        assertThat(rest.get("redriven").asInt()).isEqualTo(2);
        assertThat(rest.get("skipped")).hasSize(1);
        awaitActivities(3, 7 + 8 + 9);

        JsonNode all = ReportingHttp.json(expect(http.post("/api/v1/dead-letters/redrive?topic=ki.activities.v1", TestTokens.laki()), 200));
        assertThat(all.get("skipped").toString()).contains(ids(ours).toArray(String[]::new));
        ListenerCatchUp.await(bootstrapServers, listener.activeGroupId(), Topics.ACTIVITIES, WAIT);
        awaitActivities(3, 7 + 8 + 9);
        JsonNode after = ReportingHttp.json(expect(http.get("/api/v1/dead-letters?topic=ki.activities.v1", TestTokens.laki()), 200));
        assertThat(ours(after, lost)).hasSize(3).allSatisfy(entry -> assertThat(entry.get("redrivenAt").isNull()).isFalse());
    }

    @Test
    void badInputIsAProblemAndOnlyTheLakiMayListOrReDrive() {
        JsonNode missing = ReportingHttp.json(expect(http.get("/api/v1/dead-letters", TestTokens.laki()), 400));
        assertThat(missing.get("errors").get(0).get("pointer").asString()).isEqualTo("/topic");
        JsonNode unknown = ReportingHttp.json(expect(http.post("/api/v1/dead-letters/redrive?topic=ki.nothing.v1", TestTokens.laki()), 400));
        assertThat(unknown.get("errors").get(0).get("detail").asString()).contains("ki.nothing.v1 is not a topic", Topics.ACTIVITIES);
        JsonNode noSuchId = ReportingHttp.json(expect(http.post("/api/v1/dead-letters/redrive?topic=ki.sites.v1&id=9-999999", TestTokens.laki()), 404));
        assertThat(noSuchId.get("errors").get(0).get("pointer").asString()).isEqualTo("/id");

        expect(http.get("/api/v1/dead-letters?topic=ki.activities.v1", TestTokens.viewer()), 403);
        expect(http.get("/api/v1/dead-letters?topic=ki.activities.v1"), 401);
        expect(http.post("/api/v1/dead-letters/redrive?topic=ki.activities.v1", TestTokens.ki("05974")), 403);
        expect(http.post("/api/v1/dead-letters/redrive?topic=ki.activities.v1", null), 401);
    }

    /** A dead letter as the shared error handler writes it: the record, its key, and the reason in headers. */
    private void deadLetter(ActivityReported report) throws Exception {
        ProducerRecord<String, byte[]> original = CloudEventsKafka.toRecord(ActivityEvents.envelope(report));
        var record = new ProducerRecord<>(Topics.deadLetter(Topics.ACTIVITIES), original.key(), original.value());
        original.headers().forEach(record.headers()::add);
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.ACTIVITIES.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(1).array());
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(4711).array());
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, listener.activeGroupId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, "com.mongodb.MongoTimeoutException".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                "Timed out while waiting for a server".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private static List<JsonNode> ours(JsonNode listed, List<ActivityReported> reports) {
        List<String> wanted = reports.stream().map(r -> r.activityId().toString()).toList();
        return java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(entry -> wanted.contains(entry.get("eventId").asString())).toList();
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("id").asString()).toList();
    }

    private void awaitActivities(int activities, int participants) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode total = ReportingHttp.json(expect(http.get(COUNT, TestTokens.laki()), 200)).get("total");
            assertThat(total.get("activities").asInt()).isEqualTo(activities);
            assertThat(total.get("participants").asInt()).isEqualTo(participants);
        });
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        return response;
    }
}
