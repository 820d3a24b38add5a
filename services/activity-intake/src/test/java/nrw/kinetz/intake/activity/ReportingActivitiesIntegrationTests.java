package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** Every body format reaches {@code ki.activities.v1} as CloudEvents, and 202 means Kafka has it. */
class ReportingActivitiesIntegrationTests extends IntakeIntegrationTest {

    @Test
    void oneJsonObjectIsPublishedAsCloudEventKeyedBySiteBeforeThe202() {
        Activities activity = Activities.of("05974").with("program", "KOMM_AN_II").with("block", "b")
                .with("note", "Erstberatung neu zugewanderter Familien");

        JsonNode summary = expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);

        assertThat(summary.get("accepted").asInt()).isEqualTo(1);
        assertThat(summary.get("items").get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(summary.get("items").get(0).get("id").asString()).isEqualTo(activity.id());
        // read right after the 202, without waiting: the record was acknowledged before the answer
        List<ConsumerRecord<String, byte[]>> records = topic.withIds(List.of(activity.id()));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo("05974");
        assertThat(ActivityTopic.headers(record)).containsEntry("ce_id", activity.id())
                .containsEntry("ce_source", "/ki/05974")
                .containsEntry("ce_type", "nrw.ki.activity.reported.v1")
                .containsEntry("ce_subject", "05974")
                .containsEntry("ce_dataschema", "urn:nrw-ki:schema:activity-reported.v1")
                .containsKey("traceparent");
        ActivityReported report = CloudEventsKafka.fromRecord(record).dataAs(ActivityEventTypes.REPORTED);
        assertThat(report.block()).hasToString("B");
        assertThat(report.metrics().participants()).isEqualTo(12);
        assertThat(report.note()).isEqualTo("Erstberatung neu zugewanderter Familien");
    }

    @Test
    void theRecordContinuesTheTraceOfTheRequestThatReportedIt() {
        Activities activity = Activities.of("05974");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/activities"))
                .header("Content-Type", IntakeApi.JSON)
                .header("Authorization", TestTokens.bearer(TestTokens.ki("05974")))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(activity.json())).build();

        expect(api.send(request), 202);

        ConsumerRecord<String, byte[]> record = topic.withIds(List.of(activity.id())).get(0);
        assertThat(ActivityTopic.headers(record).get("traceparent"))
                .as("the caller's trace, with the span of the intake's send as parent")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void jsonArrayAnswersPerItemWithJsonPointersAndPublishesTheValidOnes() {
        Activities first = Activities.of("05974");
        Activities negative = Activities.of("05974").with("participants", "-3");
        Activities third = Activities.of("05974").with("field", "QUERSCHNITT").with("focusArea", "EHRENAMT")
                .with("activityType", "EHRENAMT_BEGLEITUNG");

        JsonNode summary = expect(api.report(IntakeApi.JSON, Activities.array(List.of(first, negative, third)),
                TestTokens.laki()), 202);

        assertThat(summary.get("received").asInt()).isEqualTo(3);
        assertThat(summary.get("accepted").asInt()).isEqualTo(2);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = summary.get("items").get(1);
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.get("errors").get(0).get("pointer").asString()).isEqualTo("/1/metrics/participants");
        assertThat(rejected.get("errors").get(0).get("detail").asString()).startsWith("must be ≥ 0");
        assertThat(topic.idsOf(topic.withIds(List.of(first.id(), negative.id(), third.id()))))
                .containsExactlyInAnyOrder(first.id(), third.id());
    }

    @Test
    void theReasonsOfRejectedItemsAreInGermanWhenAskedFor() {
        Activities good = Activities.of("05974");
        Activities negative = Activities.of("05974").with("participants", "-3");
        String csv = Activities.csv(List.of(good, negative), ';');

        var response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/activities")).header("Content-Type", IntakeApi.CSV)
                .header("Accept-Language", "de-DE").header("Authorization", TestTokens.bearer(TestTokens.ki("05974")))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());

        JsonNode summary = expect(response, 202);
        assertThat(response.headers().firstValue("Content-Language")).contains("de");
        assertThat(summary.get("items").get(1).get("errors").get(0).get("detail").asString())
                .isEqualTo("Teilnehmende: muss ≥ 0 sein, war -3; eine falsche Meldung wird durch Rücknahme korrigiert");
    }

    @Test
    void ndjsonIsReadLineByLineAndProblemsNameTheLine() {
        Activities good = Activities.of("05974");
        String body = good.json() + "\n\n" + "{\"id\": \"broken\n" + Activities.of("05974").with("focusArea", "SCHULE").json() + "\n";

        JsonNode summary = expect(api.report(IntakeApi.NDJSON, body, TestTokens.ki("05974")), 202);

        assertThat(summary.get("accepted").asInt()).isEqualTo(1);
        JsonNode malformed = summary.get("items").get(1);
        assertThat(malformed.get("line").asInt()).isEqualTo(3);
        assertThat(malformed.get("errors").get(0).get("detail").asString()).startsWith("malformed JSON");
        JsonNode unknownFocus = summary.get("items").get(2);
        assertThat(unknownFocus.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(unknownFocus.get("errors").get(0).get("pointer").asString()).isEqualTo("/focusArea");
        assertThat(topic.withIds(List.of(good.id()))).hasSize(1);
    }

    @Test
    void csvAsExcelExportsItWithBomSemicolonsAndGermanDatesIsAccepted() {
        LocalDate day = LocalDate.now(Activities.BERLIN).minusDays(10);
        String german = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        Activities withId = Activities.of("05974").with("occurredOn", german).with("note", "Elternabend; mit \"Kita\"");
        Activities withoutId = Activities.of("05974").with("id", "").with("focusArea", "fruehe_bildung")
                .with("activityType", "Elternprogramm");
        byte[] body = ("\uFEFF" + Activities.csv(List.of(withId, withoutId), ';')).getBytes(StandardCharsets.UTF_8);

        JsonNode summary = expect(api.report("", "text/csv; charset=utf-8", body, TestTokens.ki("05974")), 202);

        assertThat(summary.get("accepted").asInt()).as(summary.toString()).isEqualTo(2);
        assertThat(summary.get("items").get(0).get("line").asInt()).isEqualTo(2);
        String derivedId = summary.get("items").get(1).get("id").asString();
        assertThat(UUID.fromString(derivedId).version()).isEqualTo(5);
        List<ConsumerRecord<String, byte[]>> records = topic.withIds(List.of(withId.id(), derivedId));
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(ActivityTopic::value)).anySatisfy(json -> assertThat(json)
                .contains("\"occurredOn\":\"" + day + "\"", "\"note\":\"Elternabend; mit \\\"Kita\\\"\""));
        assertThat(records.stream().map(ActivityTopic::value)).anySatisfy(json -> assertThat(json)
                .contains("\"focusArea\":\"FRUEHE_BILDUNG\"", "\"activityType\":\"ELTERNPROGRAMM\""));
    }

    @Test
    void csvWithCommasAndOnlyTheRequiredColumnsIsAccepted() {
        String csv = "site,occurredOn,field,focusArea,activityType,participants,volunteers,sessions,hours\n"
                + "05974," + LocalDate.now(Activities.BERLIN).minusDays(1) + ",QUERSCHNITT,SPORT,VERANSTALTUNG,40,6,1,4\n";

        JsonNode summary = expect(api.report(IntakeApi.CSV, csv, TestTokens.ki("05974")), 202);

        assertThat(summary.get("accepted").asInt()).isEqualTo(1);
        assertThat(topic.withIds(List.of(summary.get("items").get(0).get("id").asString()))).hasSize(1);
    }

    @Test
    void theCsvTemplateIsAcceptedAsItIs() throws Exception {
        byte[] template = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../../docs/activity-template.csv"));

        JsonNode summary = expect(api.report("?dryRun=true", IntakeApi.CSV, template, TestTokens.ki("05974")), 200);

        assertThat(summary.get("rejected").asInt()).as(summary.toString()).isZero();
        assertThat(summary.get("valid").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFF" + ActivityCsv.headerRow());
    }
}
