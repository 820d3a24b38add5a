package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of bad input (docs/architecture.md#bad-input) gets its status and a precise problem, and publishes nothing: the
 * number of records on {@code ki.activities.v1} is the same before and after.
 */
class BadInputIntegrationTests extends IntakeIntegrationTest {

    @Test
    void csvWithAnUnknownColumnIs400OnLineOneNamingTheColumn() {
        String csv = Activities.csv(List.of(Activities.of("05974")), ';').replaceFirst("note", "teilnehmerinnen");

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.CSV, csv, TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("unknown column 'teilnehmerinnen'");
    }

    @Test
    void negativeCountIs400AtItsPointer() {
        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                Activities.of("05974").with("volunteers", "-1").json(), TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/metrics/volunteers");
        assertThat(problem.get("errors").get(0).get("detail").asString()).startsWith("must be ≥ 0");
    }

    @Test
    void negativeCountInCsvIs400WithLineAndColumn() {
        String csv = Activities.csv(List.of(Activities.of("05974").with("hours", "-2")), ',');

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.CSV, csv, TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("detail").asString()).startsWith("Stunden: must be ≥ 0");
    }

    @Test
    void dateInTheFutureIs400() {
        String tomorrow = LocalDate.now(Activities.BERLIN).plusDays(1).toString();

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                Activities.of("05974").with("occurredOn", tomorrow).json(), TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/occurredOn");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains(tomorrow + " is in the future");
    }

    @Test
    void unknownFocusAreaIs400ListingTheAllowedOnes() {
        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                Activities.of("05974").with("focusArea", "INTEGRATIONSKURS").json(), TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/focusArea");
        assertThat(problem.get("errors").get(0).get("detail").asString())
                .contains("'INTEGRATIONSKURS' is not a focus area", "SEITENEINSTEIGERBERATUNG");
    }

    @Test
    void theProblemsOfACsvAreExplainedInGermanWhenAskedFor() {
        String csv = Activities.csv(List.of(Activities.of("05974").with("hours", "-2").with("focusArea", "INTEGRATIONSKURS")), ';');

        JsonNode problem = publishesNothing(() -> api.send(HttpRequest.newBuilder(api.uri("/api/v1/activities"))
                .header("Content-Type", IntakeApi.CSV).header("Accept-Language", "de")
                .header("Authorization", TestTokens.bearer(TestTokens.ki("05974")))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build()), 400);

        assertThat(problem.get("title").asString()).isEqualTo("Ungültige Anfrage");
        assertThat(problem.get("detail").asString()).isEqualTo("Die Aktivität wurde abgelehnt.");
        assertThat(problem.get("errors").findValuesAsString("detail")).contains(
                "Stunden: muss ≥ 0 sein, war -2; eine falsche Meldung wird durch Rücknahme korrigiert")
                .anySatisfy(detail -> assertThat(detail).startsWith("Handlungsfeld: 'INTEGRATIONSKURS' ist nicht ein Handlungsfeld; erlaubt: "));
    }

    @Test
    void focusAreaOfTheOtherFieldIs400() {
        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                Activities.of("05974").with("field", "QUERSCHNITT").json(), TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("detail").asString())
                .contains("SEITENEINSTEIGERBERATUNG belongs to field BILDUNG, not QUERSCHNITT");
    }

    @Test
    void unknownSiteIs400() {
        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                Activities.of("05999").json(), TestTokens.laki()), 400);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/site");
    }

    @Test
    void anotherSitesActivityWithAKiTokenIs403AndNothingOfTheBatchIsAccepted() {
        Activities own = Activities.of("05974");
        Activities foreign = Activities.of("05966");

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON, Activities.array(List.of(own, foreign)),
                TestTokens.ki("05974")), 403);

        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/1/site");
        assertThat(problem.get("errors").get(0).get("detail").asString())
                .isEqualTo("a token of site 05974 may not report for site 05966");
    }

    @Test
    void aViewerTokenMayNotReportAndNoTokenIs401() {
        publishesNothing(() -> api.report(IntakeApi.JSON, Activities.of("05974").json(), TestTokens.viewer()), 403);
        publishesNothing(() -> api.report(IntakeApi.JSON, Activities.of("05974").json(), null), 401);
    }

    @Test
    void moreThan1000ItemsIs413() {
        List<Activities> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Activities.of("05974"));
        }

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON, Activities.array(many), TestTokens.ki("05974")), 413);

        assertThat(problem.get("detail").asString()).contains("at most 1000");
        publishesNothing(() -> api.report(IntakeApi.CSV, Activities.csv(many, ';'), TestTokens.ki("05974")), 413);
        publishesNothing(() -> api.report(IntakeApi.NDJSON, Activities.ndjson(many), TestTokens.ki("05974")), 413);
    }

    @Test
    void tenMegabyteBodyIs413() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';

        JsonNode problem = publishesNothing(() -> api.report("", IntakeApi.JSON, body, TestTokens.ki("05974")), 413);

        assertThat(problem.get("detail").asString()).contains("larger than 5 MB");
    }

    @Test
    void aRetractionBodyAboveTheUploadLimitIs413BeforeItIsParsed() {
        String reason = "x".repeat(6 * 1024 * 1024);

        JsonNode problem = publishesNothing(() -> api.retract(UUID.randomUUID().toString(), reason,
                TestTokens.ki("05974")), 413);

        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("larger than 5 MB");
    }

    @Test
    void malformedJsonIs400WithTheLocation() {
        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON,
                "[" + Activities.of("05974").json() + ",{\"id\":", TestTokens.ki("05974")), 400);

        assertThat(problem.get("errors").get(0).get("detail").asString()).startsWith("malformed JSON (line 1, column");
    }

    @Test
    void wrongContentTypeIs415() {
        JsonNode problem = publishesNothing(() -> api.report("application/xml", "<activity/>", TestTokens.ki("05974")), 415);

        assertThat(problem.get("detail").asString()).contains("application/xml");
    }

    @Test
    void aMultipartBodyIs415LikeEveryOtherTypeTheIntakeDoesNotTakeEvenWithoutABoundary() {
        String json = Activities.of("05974").json();
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=x", "multipart/mixed")) {
            JsonNode problem = publishesNothing(() -> api.report(type, json, TestTokens.ki("05974")), 415);

            assertThat(problem.get("detail").asString()).as(type).contains("multipart");
        }
    }

    @Test
    void csvThatIsNeitherUtf8NorWindows1252Is400WithAHint() {
        byte[] csv = Activities.csv(List.of(Activities.of("05974").with("note", "Übergang")), ';').getBytes(StandardCharsets.UTF_8);
        byte[] undefinedInBoth = java.util.Arrays.copyOf(csv, csv.length + 3);
        undefinedInBoth[csv.length] = (byte) 0x81;
        undefinedInBoth[csv.length + 1] = (byte) 0xFC;
        undefinedInBoth[csv.length + 2] = '\n';

        JsonNode problem = publishesNothing(() -> api.report("", IntakeApi.CSV, undefinedInBoth, TestTokens.ki("05974")), 400);

        assertThat(problem.get("detail").asString()).contains("CSV UTF-8");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("neither UTF-8 nor Windows-1252");
    }

    @Test
    void everyProblemOfAnItemIsListedAtOnce() {
        String body = "{\"id\":\"42\",\"site\":5974,\"occurredOn\":\"23.11.2025\",\"field\":\"BILDUNG\","
                + "\"focusArea\":\"FRUEHE_BILDUNG\",\"activityType\":\"BERATUNG\",\"participants\":3,"
                + "\"metrics\":{\"participants\":2.5,\"volunteers\":\"1\",\"sessions\":1}}";

        JsonNode problem = publishesNothing(() -> api.report(IntakeApi.JSON, body, TestTokens.laki()), 400);

        assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/id", "/site",
                "/occurredOn", "/participants", "/metrics/participants", "/metrics/volunteers", "/metrics/hours");
    }

    private JsonNode publishesNothing(Supplier<HttpResponse<String>> request, int status) {
        long before = topic.size();
        JsonNode problem = expect(request.get(), status);
        assertThat(topic.size()).as("records on ki.activities.v1").isEqualTo(before);
        return problem;
    }
}
