package nrw.kinetz.reporting.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.PoisonRecords;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A poison record on each topic reporting consumes: every listener of the topic sets it aside in
 * {@code <topic>.dlt} with the reason and goes on (its committed position passes the record), and a re-drive sends
 * it back once, where it is set aside again instead of stopping a listener.
 */
class PoisonRecordsIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ki.activities.v1, nrw.ki.activity.reported.v1",
            "ki.sites.v1, nrw.ki.site.registered.v1",
            "ki.programs.v1, nrw.ki.program.grant-approved.v1",
            "ki.catalog.v1, nrw.ki.catalog.offering-published.v1"})
    void aPoisonRecordIsDeadLetteredByEveryListenerWhichGoesOnAndItsReDriveIsSetAsideAgain(String topic, String type)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        String key = "poison-" + UUID.randomUUID();
        kafka.send(PoisonRecords.malformedEvent(topic, type, "05974", eventId)).get(10, TimeUnit.SECONDS);
        kafka.send(PoisonRecords.notAnEvent(topic, key)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                !PoisonRecords.listed(deadLetters(topic), "eventId", eventId).isEmpty()
                        && !PoisonRecords.listed(deadLetters(topic), "key", key).isEmpty());
        List<JsonNode> malformed = PoisonRecords.listed(deadLetters(topic), "eventId", eventId);
        List<JsonNode> garbage = PoisonRecords.listed(deadLetters(topic), "key", key);
        Set<String> groups = groups(malformed);
        assertThat(groups(garbage)).as("every listener of %s sets both aside", topic).isEqualTo(groups);
        assertThat(malformed).hasSize(groups.size()).allSatisfy(entry -> {
            assertThat(entry.get("topic").asString()).isEqualTo(topic);
            assertThat(entry.get("type").asString()).isEqualTo(type);
            assertThat(entry.get("exception").asString()).isNotBlank();
            assertThat(entry.get("redrivenAt").isNull()).isTrue();
        });
        for (String group : groups) {
            ListenerCatchUp.await(bootstrapServers, group, topic, WAIT);
        }

        JsonNode redriven = ReportingHttp.json(http.post("/api/v1/dead-letters/redrive?topic=" + topic + "&id=" + eventId,
                TestTokens.laki()));
        assertThat(redriven.get("redriven").asInt()).as(redriven.toString()).isEqualTo(groups.size());

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> PoisonRecords.listed(deadLetters(topic), "eventId", eventId).size() == 2 * groups.size());
        List<JsonNode> after = PoisonRecords.listed(deadLetters(topic), "eventId", eventId);
        assertThat(after.stream().filter(entry -> !entry.get("redrivenAt").isNull()).count()).isEqualTo(groups.size());
        assertThat(groups(after)).isEqualTo(groups);
        for (String group : groups) {
            ListenerCatchUp.await(bootstrapServers, group, topic, WAIT);
        }
    }

    private JsonNode deadLetters(String topic) {
        var response = http.get("/api/v1/dead-letters?topic=" + topic, TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ReportingHttp.json(response);
    }

    private static Set<String> groups(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("consumerGroup").asString()).collect(Collectors.toSet());
    }
}
