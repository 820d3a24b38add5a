package nrw.kinetz.reporting.feed;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.GrantApproved;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.reporting.live.SseClient;
import nrw.kinetz.reporting.site.SiteEvents;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Programs' money and sites' staffing on the feed, the live stream and {@code laki.aggregates.v1}: exact decimals as
 * text with two decimals, on the topic as version 2 of the aggregate event, read back with the CloudEvents SDK
 * alone as an outside system would.
 */
class DecimalAggregatesIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SiteId SOEST = SiteId.of("05974");
    private static final int YEAR = 2034;
    private static final String PROGRAM_CELL = "programs/05974/" + YEAR + "/KIM/NONE";

    @Test
    void aGrantsMoneyReachesFeedLiveStreamAndTopicAsDecimalTextInVersionTwo() throws Exception {
        String start = http.feedEnd();
        UUID grant = UUID.randomUUID();
        try (SseClient live = SseClient.connect(port, "/api/v1/live?period=" + YEAR)) {
            publisher.publishAndWait(EventEnvelope.of(UUID.randomUUID(), EventSource.service("program-tracking"),
                    ProgramEventTypes.GRANT_APPROVED, SOEST.value(), new GrantApproved(grant, SOEST, Program.KIM, null, YEAR,
                            Money.parse("15000.00"), LocalDate.of(YEAR - 1, 12, 1), LocalDate.of(YEAR + 1, 6, 30))));
            publisher.publishAndWait(EventEnvelope.of(UUID.randomUUID(), EventSource.service("program-tracking"),
                    ProgramEventTypes.FUNDS_DISBURSED, SOEST.value(), new FundsDisbursed(grant, SOEST, Program.KIM, null, YEAR,
                            UUID.randomUUID(), Money.parse("6250.50"), LocalDate.of(YEAR, 2, 1), Money.parse("6250.50"))));

            JsonNode change = awaitChange(start, c -> c.get("key").asString().equals(PROGRAM_CELL)
                    && c.get("values").get("disbursed").asString().equals("6250.50"));
            assertThat(change.get("measure").asString()).isEqualTo("programs");
            assertThat(change.get("period").asString()).isEqualTo(Integer.toString(YEAR));
            assertThat(change.get("dimensions")).isEqualTo(json("""
                    {"site":"05974","regierungsbezirk":"9","program":"KIM","budgetYear":"%d"}""".formatted(YEAR)));
            JsonNode values = change.get("values");
            assertThat(values.get("granted").isString()).as("money is text, never a JSON number").isTrue();
            assertThat(values.get("granted").asString()).isEqualTo("15000.00");
            assertThat(values.get("utilisation").asString()).isEqualTo("0.42");
            assertThat(values.get("grants").isIntegralNumber()).isTrue();
            assertThat(values.get("grants").asLong()).isEqualTo(1);
            assertThat(values.has("proofsOverdue")).as("changes with the calendar, not with a fact").isFalse();

            SseClient.Event event = live.next(e -> e.name().equals("aggregate") && e.data().contains("\"6250.50\""), WAIT);
            JsonNode pushed = json(event.data());
            assertThat(pushed.get("key").asString()).isEqualTo(PROGRAM_CELL);
            assertThat(pushed.get("values").get("granted").asString()).isEqualTo("15000.00");
        }

        CloudEvent latest = awaitOnTopic(PROGRAM_CELL, e -> data(e).get("decimals").get("disbursed").asString().equals("6250.50"));
        assertThat(latest.getType()).isEqualTo("nrw.ki.aggregate.updated.v2");
        assertThat(latest.getSource()).hasToString("/services/reporting");
        assertThat(latest.getSubject()).isEqualTo(PROGRAM_CELL);
        JsonNode data = data(latest);
        assertThat(data.get("measure").asString()).isEqualTo("programs");
        assertThat(data.get("period").asString()).isEqualTo(Integer.toString(YEAR));
        assertThat(data.get("decimals").get("granted").isString()).isTrue();
        assertThat(data.get("decimals").get("granted").asString()).isEqualTo("15000.00");
        assertThat(data.get("decimals").get("disbursed").asString()).isEqualTo("6250.50");
        assertThat(data.get("counts").get("grants").asLong()).isEqualTo(1);
        assertThat(data.has("values")).as("version 2 names whole numbers counts").isFalse();
    }

    @Test
    void aStaffingChangeReachesFeedLiveStreamAndTopicWithItsFullTimeEquivalentsAsDecimalText() throws Exception {
        SiteId viersen = SiteEvents.VIERSEN;
        String key = "sites/" + viersen.value();
        String start = http.feedEnd();
        try (SseClient live = SseClient.connect(port, "/api/v1/live?site=" + viersen.value())) {
            publisher.publishAndWait(SiteEvents.envelope(SiteEvents.registration(viersen, SiteStatus.ESTABLISHED,
                    LocalDate.of(2015, 1, 1))));
            publisher.publishAndWait(SiteEvents.staffingChange(viersen, "7.5"));

            SseClient.Event event = live.next(e -> e.name().equals("aggregate") && e.data().contains("\"7.50\""), WAIT);
            assertThat(json(event.data()).get("key").asString()).isEqualTo(key);
        }

        JsonNode change = awaitChange(start, c -> c.get("key").asString().equals(key)
                && c.get("values").get("fte").asString().equals("7.50"));
        assertThat(change.get("measure").asString()).isEqualTo("sites");
        assertThat(change.get("dimensions")).isEqualTo(json("""
                {"site":"05166","regierungsbezirk":"1","status":"ESTABLISHED"}"""));
        assertThat(change.get("values").get("sites").asLong()).isEqualTo(1);

        CloudEvent latest = awaitOnTopic(key, e -> data(e).get("decimals").get("fte").asString().equals("7.50"));
        assertThat(latest.getType()).isEqualTo("nrw.ki.aggregate.updated.v2");
        assertThat(data(latest).get("counts").get("sites").asLong()).isEqualTo(1);
    }

    private JsonNode awaitChange(String after, Predicate<JsonNode> wanted) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            String cursor = after;
            while (true) {
                HttpResponse<String> response = http.get("/api/v1/feed?limit=1000&after=" + cursor, TestTokens.viewer());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode page = json(response);
                page.get("changes").forEach(c -> {
                    if (wanted.test(c)) {
                        found.add(c);
                    }
                });
                if (page.get("changes").isEmpty()) {
                    break;
                }
                cursor = page.get("next").asString();
            }
            assertThat(found).isNotEmpty();
        });
        return found.get(found.size() - 1);
    }

    private CloudEvent awaitOnTopic(String key, Predicate<CloudEvent> wanted) {
        List<CloudEvent> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            for (ConsumerRecord<String, CloudEvent> record : readAggregates(key)) {
                if (wanted.test(record.value())) {
                    found.add(record.value());
                }
            }
            assertThat(found).isNotEmpty();
        });
        return found.get(found.size() - 1);
    }

    private List<ConsumerRecord<String, CloudEvent>> readAggregates(String key) {
        return AggregatesTopic.read(bootstrapServers, key);
    }

    private static JsonNode data(CloudEvent event) {
        return json(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }
}
