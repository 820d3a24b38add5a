package nrw.kinetz.programs.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.model.event.Topics;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.PoisonRecords;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * A poison record on {@code ki.activities.v1}, the topic program tracking consumes: its listener sets it aside in
 * {@code ki.activities.v1.dlt} and goes on, and a re-drive sends it back once, where it is set aside again — which
 * the listener can only do once it is past the original, since both lie in one partition.
 */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class PoisonRecordsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = Topics.ACTIVITIES;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aPoisonActivityIsDeadLetteredTheListenerGoesOnAndItsReDriveIsSetAsideAgain() throws Exception {
        Http http = new Http(port);
        String eventId = UUID.randomUUID().toString();
        String key = "poison-" + UUID.randomUUID();
        kafka.send(PoisonRecords.malformedEvent(TOPIC, "nrw.ki.activity.reported.v1", "05754", eventId)).get(10, TimeUnit.SECONDS);
        kafka.send(PoisonRecords.notAnEvent(TOPIC, key)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                PoisonRecords.listed(deadLetters(http), "eventId", eventId).size() == 1
                        && PoisonRecords.listed(deadLetters(http), "key", key).size() == 1);
        JsonNode malformed = PoisonRecords.listed(deadLetters(http), "eventId", eventId).get(0);
        assertThat(malformed.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(malformed.get("exception").asString()).isNotBlank();
        assertThat(malformed.get("redrivenAt").isNull()).isTrue();

        Http.Response redriven = http.send("POST", "/api/v1/dead-letters/redrive?topic=" + TOPIC + "&id=" + eventId,
                TestTokens.laki(), null, null);
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        assertThat(redriven.json().get("redriven").asInt()).isEqualTo(1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> PoisonRecords.listed(deadLetters(http), "eventId", eventId).size() == 2);
        List<JsonNode> after = PoisonRecords.listed(deadLetters(http), "eventId", eventId);
        assertThat(after).extracting(entry -> entry.get("redrivenAt").isNull()).containsExactlyInAnyOrder(true, false);
        assertThat(PoisonRecords.listed(deadLetters(http), "key", key)).as("the other poison stays as it was").hasSize(1);
    }

    private static JsonNode deadLetters(Http http) {
        Http.Response response = http.get("/api/v1/dead-letters?topic=" + TOPIC, "Authorization", TestTokens.bearer(TestTokens.laki()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
