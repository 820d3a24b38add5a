package nrw.kinetz.reporting.feed;

import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The feed of aggregate changes: pulled over HTTP with a cursor, and published to the compacted topic
 * {@code laki.aggregates.v1}, read here with the CloudEvents SDK alone as an outside system would.
 */
class FeedIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry relayMeters;

    @Test
    void everyChangeAfterACursorIsInTheFeedWithTheCursorToContinueFrom() {
        String start = http.feedEnd();
        ActivityReported first = report(SOEST, LocalDate.of(2020, 3, 1), 3, 6);
        publish(first);
        List<JsonNode> changes = awaitChanges(start, TestTokens.laki(), "/2020-03/", 1);

        JsonNode change = changes.get(0);
        assertThat(change.get("key").asString()).isEqualTo("activities/05974/2020-03/FRUEHE_BILDUNG/BERATUNG/NONE");
        assertThat(change.get("measure").asString()).isEqualTo("activities");
        assertThat(change.get("period").asString()).isEqualTo("2020-03");
        assertThat(change.get("dimensions")).isEqualTo(json("""
                {"site":"05974","regierungsbezirk":"9","field":"BILDUNG","focusArea":"FRUEHE_BILDUNG","activityType":"BERATUNG"}"""));
        assertThat(change.get("values")).isEqualTo(json("""
                {"activities":1,"participants":3,"volunteers":6,"sessions":1,"hours":2}"""));
        assertThat(change.get("updatedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*[+-]0[12]:00");

        String afterFirst = change.get("cursor").asString();
        publish(report(SOEST, LocalDate.of(2020, 3, 2), 4, 0));
        List<JsonNode> next = awaitChanges(afterFirst, TestTokens.laki(), "/2020-03/", 1);
        assertThat(next.get(0).get("values").get("activities").asInt()).as("the whole current value, not a difference").isEqualTo(2);
        assertThat(Long.parseLong(next.get(0).get("cursor").asString())).isGreaterThan(Long.parseLong(afterFirst));
    }

    @Test
    void callersWithoutTheLakiRoleSeePeopleCountsAsTheirBandWithOneToFourWithheld() {
        String start = http.feedEnd();
        publish(report(KOELN, LocalDate.of(2020, 4, 1), 2, 9));
        awaitChanges(start, TestTokens.laki(), "/2020-04/", 1);

        JsonNode anonymous = changes(start, null, "/2020-04/").get(0);
        JsonNode viewer = changes(start, TestTokens.viewer(), "/2020-04/").get(0);

        assertThat(anonymous.get("values")).isEqualTo(json("""
                {"activities":1,"participants":{"suppressed":true},"volunteers":5,"sessions":1,"hours":2}"""));
        assertThat(viewer).isEqualTo(anonymous);
    }

    @Test
    void aPageEndsAtTheLimitAndItsNextCursorAndLinkContinueIt() {
        String start = http.feedEnd();
        publish(report(SOEST, LocalDate.of(2020, 5, 1), 5, 0), report(KOELN, LocalDate.of(2020, 5, 1), 5, 0));
        awaitChanges(start, TestTokens.laki(), "/2020-05/", 2);

        HttpResponse<String> firstPage = http.get("/api/v1/feed?limit=1&after=" + start);
        JsonNode page = json(firstPage);
        assertThat(page.get("changes")).hasSize(1);
        String next = page.get("next").asString();
        assertThat(next).isEqualTo(page.get("changes").get(0).get("cursor").asString());
        assertThat(firstPage.headers().firstValue("Link")).contains("</api/v1/feed?after=" + next + "&limit=1>; rel=\"next\"");
        JsonNode secondPage = json(http.get("/api/v1/feed?limit=1&after=" + next));
        assertThat(secondPage.get("changes").get(0).get("cursor").asString()).isNotEqualTo(next);
    }

    @Test
    void aCursorAtTheEndGivesNoChangesAndItselfAsNext() {
        String end = http.feedEnd();

        JsonNode page = json(http.get("/api/v1/feed?after=" + end));

        assertThat(page.get("changes")).isEmpty();
        assertThat(page.get("next").asString()).isEqualTo(end);
    }

    @Test
    void aMalformedCursorOrLimitIsA400NamingEachParameter() {
        HttpResponse<String> response = http.get("/api/v1/feed?after=abc&limit=5000");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactly("/after", "/limit");
        assertThat(problem.get("errors").get(1).get("detail").asString())
                .isEqualTo("'5000' is not a limit: expected a whole number from 1 to 1000");
        assertThat(json(http.get("/api/v1/feed?limit=0")).get("errors").get(0).get("pointer").asString()).isEqualTo("/limit");
    }

    @Test
    void theCompactedTopicCarriesEveryAggregateWithExactNumbersReadableWithTheCloudEventsSdk() throws Exception {
        ActivityReported first = report(SOEST, LocalDate.of(2020, 6, 1), 2, 1);
        publish(first);
        String key = "activities/05974/2020-06/FRUEHE_BILDUNG/BERATUNG/NONE";
        awaitChanges("0", TestTokens.laki(), "/2020-06/", 1);
        publish(report(SOEST, LocalDate.of(2020, 6, 2), 1, 0));

        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            records.clear();
            records.addAll(readAggregates(key));
            assertThat(records).hasSize(2);
        });

        CloudEvent latest = records.get(1).value();
        assertThat(records.get(1).key()).isEqualTo(key);
        assertThat(latest.getType()).isEqualTo("nrw.ki.aggregate.updated.v1");
        assertThat(latest.getSource()).hasToString("/services/reporting");
        assertThat(latest.getSubject()).isEqualTo(key);
        assertThat(latest.getDataSchema()).hasToString("urn:nrw-ki:schema:aggregate-updated.v1");
        assertThat(latest.getDataContentType()).isEqualTo("application/json");
        JsonNode data = json(new String(latest.getData().toBytes(), StandardCharsets.UTF_8));
        assertThat(data.get("key").asString()).isEqualTo(key);
        assertThat(data.get("period").asString()).isEqualTo("2020-06");
        assertThat(data.get("values")).as("exact: the topic is the LaKI's").isEqualTo(json("""
                {"activities":2,"participants":3,"volunteers":1,"sessions":2,"hours":4}"""));
        assertThat(data.get("dimensions").get("site").asString()).isEqualTo(SOEST);
        assertThat(records.get(0).value().getId()).isNotEqualTo(latest.getId());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AGGREGATES);
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        JsonNode paths = json(http.get("/v3/api-docs")).get("paths");

        assertThat(paths.has("/api/v1/feed")).isTrue();
        assertThat(paths.has("/api/v1/live")).isTrue();
        assertThat(paths.has("/api/v1/admin/rebuild")).isTrue();
        assertThat(paths.has("/api/v1/admin/reconciliation")).isTrue();
        assertThat(paths.get("/api/v1/aggregates").get("get").get("responses").get("200").get("content").has("text/csv")).isTrue();
    }

    private List<ConsumerRecord<String, CloudEvent>> readAggregates(String key) {
        return AggregatesTopic.read(bootstrapServers, key);
    }

    private void publish(ActivityReported... reports) {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(reports)));
    }

    /** The cursor of the feed's end now: reading until a page is empty. */

    private List<JsonNode> awaitChanges(String after, String token, String keyPart, int expected) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            found.addAll(changes(after, token, keyPart));
            assertThat(found).hasSizeGreaterThanOrEqualTo(expected);
        });
        return found;
    }

    private List<JsonNode> changes(String after, String token, String keyPart) {
        List<JsonNode> found = new ArrayList<>();
        String cursor = after;
        while (true) {
            HttpResponse<String> response = token == null ? http.get("/api/v1/feed?limit=1000&after=" + cursor)
                    : http.get("/api/v1/feed?limit=1000&after=" + cursor, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("changes").forEach(change -> {
                if (change.get("key").asString().contains(keyPart)) {
                    found.add(change);
                }
            });
            if (page.get("changes").isEmpty()) {
                return found;
            }
            cursor = page.get("next").asString();
        }
    }

    @Test
    void theRelayBacklogOfFeedIsAGaugeThatFallsToZeroOnceEverythingIsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                relayMeters.get(RelayBacklog.METER).tag("relay", "feed").gauge().value()).isZero());
    }

    @Test
    void theRelayBacklogOfAggregatesTopicIsAGaugeThatFallsToZeroOnceEverythingIsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                relayMeters.get(RelayBacklog.METER).tag("relay", "aggregates-topic").gauge().value()).isZero());
    }
}
