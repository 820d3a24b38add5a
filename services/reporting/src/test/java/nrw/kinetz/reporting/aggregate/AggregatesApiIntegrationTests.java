package nrw.kinetz.reporting.aggregate;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The contract of {@code GET /api/v1/aggregates} over real HTTP: the answer's shape and the problem+json for
 * every kind of bad parameter. Nothing here depends on what the read models hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class AggregatesApiIntegrationTests {

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;

    @BeforeEach
    void client() {
        http = new ReportingHttp(port);
    }

    @Test
    void answerEchoesTheQuestionInItsCanonicalSpelling() {
        var response = http.get("/api/v1/aggregates?measure=sites&groupBy=STATUS&period=2026-q3");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("measure").asString()).isEqualTo("sites");
        assertThat(answer.get("groupBy").asString()).isEqualTo("status");
        assertThat(answer.get("period").asString()).isEqualTo("2026-Q3");
        assertThat(answer.get("rows").findValuesAsString("label"))
                .containsExactly("Grundsatzentscheidung", "Zuwendungsbescheid", "Startphase", "etabliert", "geschlossen");
        assertThat(answer.get("total").has("sites")).isTrue();
    }

    @Test
    void theJsonSchemaOfThePublishedAggregateEventIsServed() {
        var schema = http.get("/api/v1/schemas/aggregate-updated.v1.json");

        assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
        assertThat(json(schema).get("$id").asString()).isEqualTo("urn:nrw-ki:schema:aggregate-updated.v1");
        assertThat(http.get("/api/v1/schemas/site-registered.v1.json").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownMeasureIsA400NamingTheMeasuresThatExist() {
        JsonNode problem = problem(http.get("/api/v1/aggregates?measure=people&groupBy=site"));

        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/measure");
        assertThat(problem.get("errors").get(0).get("detail").asString()).startsWith("'people' is not a measure; allowed: ")
                .contains("activities").contains("catalog").contains("programs").contains("sites");
    }

    @Test
    void groupingTheMeasureDoesNotSupportIsA400NamingTheAllowedGroupings() {
        JsonNode problem = problem(http.get("/api/v1/aggregates?measure=sites&groupBy=focusArea"));

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/groupBy");
        assertThat(problem.get("errors").get(0).get("detail").asString())
                .isEqualTo("measure sites cannot be grouped by focusArea; allowed for measure sites: site, regierungsbezirk, status");
    }

    @Test
    void unknownGroupingIsA400() {
        JsonNode problem = problem(http.get("/api/v1/aggregates?measure=sites&groupBy=kreis"));

        assertThat(problem.get("errors").get(0).get("detail").asString())
                .isEqualTo("'kreis' is not a grouping; allowed for measure sites: site, regierungsbezirk, status");
    }

    @Test
    void malformedPeriodIsA400NamingTheAcceptedForms() {
        JsonNode problem = problem(http.get("/api/v1/aggregates?measure=sites&groupBy=status&period=Q3%2F2026"));

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/period");
        assertThat(problem.get("errors").get(0).get("detail").asString())
                .isEqualTo("'Q3/2026' is not a period: expected YYYY-MM (e.g. 2026-07), YYYY-Qn (e.g. 2026-Q3) or YYYY (e.g. 2026)");
    }

    @Test
    void everyBadParameterIsNamedInOneAnswerWhoeverAsks() {
        var anonymous = problem(http.get("/api/v1/aggregates?period=2026-13"));
        var laki = problem(http.get("/api/v1/aggregates?period=2026-13", TestTokens.laki()));

        assertThat(anonymous.get("errors").findValuesAsString("pointer")).containsExactly("/measure", "/groupBy", "/period");
        assertThat(anonymous.get("detail").asString()).isEqualTo("The query is not valid: 3 problem(s).");
        assertThat(laki).isEqualTo(anonymous);
    }

    @Test
    void badParametersAreExplainedInGermanWhenAskedFor() {
        JsonNode problem = problem(http.get("/api/v1/aggregates?measure=sites&groupBy=kreis&period=2026-13",
                "Accept-Language", "de-DE,de;q=0.9"));

        assertThat(problem.get("title").asString()).isEqualTo("Ungültige Anfrage");
        assertThat(problem.get("detail").asString()).isEqualTo("Die Abfrage ist ungültig: 2 Problem(e).");
        assertThat(problem.get("errors").findValuesAsString("detail")).containsExactlyInAnyOrder(
                "'kreis' ist keine Gruppierung; erlaubt für die Messgröße sites: site, regierungsbezirk, status",
                "'2026-13' ist kein Zeitraum: der Monat muss 01 bis 12 sein, z. B. 2026-07");
    }

    @Test
    void aCrossedGroupingIsEchoedAndItsRowsNameEachDimensionsGroup() {
        var response = http.get("/api/v1/aggregates?measure=activities&groupBy=Month,site,FOCUSAREA&period=2026");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("groupBy").asString()).isEqualTo("month,site,focusArea");
        for (JsonNode row : answer.get("rows")) {
            assertThat(row.get("parts").findValuesAsString("groupBy")).containsExactly("month", "site", "focusArea");
            assertThat(row.get("key").asString()).isEqualTo(String.join("/", row.get("parts").findValuesAsString("key")));
        }
        assertThat(json(http.get("/api/v1/aggregates?measure=sites&groupBy=status")).get("rows").get(0).has("parts"))
                .as("a grouping by one dimension has no parts").isFalse();
    }

    @Test
    void eachKindOfBadCrossingIsA400AtGroupByInEnglishOrGerman() {
        JsonNode notCrossable = problem(http.get("/api/v1/aggregates?measure=catalog&groupBy=offeringType,month"));
        JsonNode notADimension = problem(http.get("/api/v1/aggregates?measure=activities&groupBy=month,status"));
        JsonNode twice = problem(http.get("/api/v1/aggregates?measure=activities&groupBy=site,month,site"));
        JsonNode four = problem(http.get("/api/v1/aggregates?measure=activities&groupBy=month,site,focusArea,program",
                "Accept-Language", "de"));

        assertThat(notCrossable.get("errors").get(0).get("pointer").asString()).isEqualTo("/groupBy");
        assertThat(notCrossable.get("errors").get(0).get("detail").asString())
                .isEqualTo("measure catalog cannot be crossed by offeringType; measure catalog groups by one dimension only");
        assertThat(notADimension.get("errors").get(0).get("detail").asString()).isEqualTo("measure activities cannot be crossed "
                + "by status; crossable for measure activities: month, site, regierungsbezirk, field, focusArea, activityType, program");
        assertThat(twice.get("errors").get(0).get("detail").asString()).isEqualTo("'site,month,site' names site twice");
        assertThat(four.get("errors").get(0).get("detail").asString())
                .isEqualTo("'month,site,focusArea,program' kreuzt 4 Dimensionen; höchstens 3 lassen sich kreuzen");
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        return problem;
    }
}
