package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** A KI corrects a wrong number by retracting the activity; the retraction reverses exactly the report. */
class RetractionIntegrationTests extends IntakeIntegrationTest {

    @Test
    void retractionRepeatsTheReportOnTheSameKeyAfterIt() {
        Activities activity = Activities.of("05974").with("program", "KOMM_AN_II").with("block", "A").with("participants", "31");
        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);

        JsonNode result = expect(api.retract(activity.id(), "Teilnehmerzahl falsch erfasst", TestTokens.ki("05974")), 202);

        assertThat(result.get("status").asString()).isEqualTo("retracted");
        String retractionId = result.get("retractionId").asString();
        List<ConsumerRecord<String, byte[]>> records = topic.withIds(List.of(activity.id(), retractionId));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> report = records.stream()
                .filter(r -> ActivityTopic.headers(r).get("ce_id").equals(activity.id())).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> retraction = records.stream()
                .filter(r -> ActivityTopic.headers(r).get("ce_id").equals(retractionId)).findFirst().orElseThrow();
        assertThat(retraction.key()).isEqualTo("05974");
        assertThat(retraction.partition()).isEqualTo(report.partition());
        assertThat(retraction.offset()).isGreaterThan(report.offset());
        assertThat(ActivityTopic.headers(retraction)).containsEntry("ce_type", "nrw.ki.activity.retracted.v1")
                .containsEntry("ce_source", "/ki/05974");
        ActivityRetracted payload = CloudEventsKafka.fromRecord(retraction).dataAs(ActivityEventTypes.RETRACTED);
        assertThat(payload.activityId()).isEqualTo(UUID.fromString(activity.id()));
        assertThat(payload.metrics().participants()).isEqualTo(31);
        assertThat(payload.block()).hasToString("A");
        assertThat(payload.reason()).isEqualTo("Teilnehmerzahl falsch erfasst");
    }

    @Test
    void retractingTwiceIsADuplicateThatPublishesNothing() {
        Activities activity = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        JsonNode first = expect(api.retract(activity.id(), null, TestTokens.laki()), 202);
        long before = topic.size();

        JsonNode second = expect(api.retract(activity.id(), "noch einmal", TestTokens.ki("05974")), 200);

        assertThat(second.get("status").asString()).isEqualTo("duplicate");
        assertThat(second.get("retractionId").asString()).isEqualTo(first.get("retractionId").asString());
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void anotherSitesTokenGetsTheAnswerOfAnUnknownActivityAndRetractsNothing() {
        Activities activity = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        long before = topic.size();

        JsonNode problem = expect(api.retract(activity.id(), null, TestTokens.ki("05966")), 404);
        JsonNode unknown = expect(api.retract(UUID.randomUUID().toString(), null, TestTokens.ki("05966")), 404);

        assertThat(problem.get("title").asString()).isEqualTo(unknown.get("title").asString());
        assertThat(problem.get("detail").asString()).isEqualTo("No activity " + activity.id() + " was reported to this intake.");
        expect(api.retract(activity.id(), null, TestTokens.viewer()), 403);
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void unknownActivityIs404AndMalformedIdIs400() {
        long before = topic.size();

        expect(api.retract(UUID.randomUUID().toString(), null, TestTokens.laki()), 404);
        JsonNode malformed = expect(api.retract("not-a-uuid", null, TestTokens.laki()), 400);
        JsonNode tooLong = expect(api.retract(UUID.randomUUID().toString(), "x".repeat(501), TestTokens.laki()), 400);

        assertThat(malformed.get("errors").get(0).get("pointer").asString()).isEqualTo("/id");
        assertThat(tooLong.get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
        assertThat(topic.size()).isEqualTo(before);
    }
}
