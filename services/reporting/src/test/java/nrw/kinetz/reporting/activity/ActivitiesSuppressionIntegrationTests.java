package nrw.kinetz.reporting.activity;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.VIERSEN;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Who sees which numbers of {@code measure=activities} (docs/architecture.md#suppression), and the CSV export, over real HTTP.
 * The data of 2017: one activity each in Soest (3 participants, 0 volunteers), Düsseldorf (10, 2), Köln (6, 7)
 * and Viersen (20, 9); of 2018: Soest (3, 0) and Düsseldorf (12, 0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivitiesSuppressionIntegrationTests {

    private static final String BY_SITE = "/api/v1/aggregates?measure=activities&groupBy=site&period=2017";
    private static final String BY_REGION = "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=2017";
    private static final String CSV = "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=2018";
    private static final JsonNode WITHHELD = json("{\"suppressed\":true}");

    @Autowired
    EventPublisher publisher;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;

    @BeforeAll
    void publishTheYears() {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(
                report(SOEST, LocalDate.of(2017, 5, 1), 3, 0),
                report(DUESSELDORF, LocalDate.of(2017, 5, 2), 10, 2),
                report(KOELN, LocalDate.of(2017, 5, 3), 6, 7),
                report(VIERSEN, LocalDate.of(2017, 5, 4), 20, 9),
                report(SOEST, LocalDate.of(2018, 8, 1), 3, 0),
                report(DUESSELDORF, LocalDate.of(2018, 8, 2), 12, 0))));
        http = new ReportingHttp(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(answer(BY_SITE, TestTokens.laki()).get("total").get("activities").asInt()).isEqualTo(4);
            assertThat(answer(CSV, TestTokens.laki()).get("total").get("activities").asInt()).isEqualTo(2);
        });
    }

    @BeforeEach
    void client() {
        http = new ReportingHttp(port);
    }

    @Test
    void anonymousCallersSeePeopleCountsInBandsOfFiveWithOneToFourWithheld() {
        JsonNode answer = json(http.get(BY_SITE));

        assertThat(values(answer, SOEST)).isEqualTo(json("""
                {"activities":1,"participants":{"suppressed":true},"volunteers":0,"sessions":1,"hours":2}"""));
        assertThat(values(answer, KOELN)).as("6 and 7 people: the band 5 to 9").isEqualTo(json("""
                {"activities":1,"participants":5,"volunteers":5,"sessions":1,"hours":2}"""));
        assertThat(values(answer, DUESSELDORF).get("participants").asInt()).isEqualTo(10);
        assertThat(values(answer, DUESSELDORF).get("volunteers")).isEqualTo(WITHHELD);
        assertThat(values(answer, VIERSEN)).isEqualTo(json("""
                {"activities":1,"participants":20,"volunteers":5,"sessions":1,"hours":2}"""));
        // The middles of the bands (2 + 7 + 12 + 22 and 0 + 7 + 2 + 7), rounded to five: not the exact 39 and 18.
        assertThat(answer.get("total")).isEqualTo(json("""
                {"activities":4,"participants":45,"volunteers":15,"sessions":4,"hours":8}"""));
    }

    @Test
    void rolledUpRowsAreSumsOfTheBandsOfTheirCells() {
        JsonNode answer = json(http.get(BY_REGION));

        assertThat(values(answer, "9").get("participants")).as("Arnsberg: Soest's 3").isEqualTo(WITHHELD);
        assertThat(values(answer, "3").get("participants").asInt()).as("Köln: 6").isEqualTo(5);
        assertThat(values(answer, "1").get("participants").asInt()).as("Düsseldorf: 10 and 20, shares 12 + 22").isEqualTo(35);
        assertThat(values(answer, "1").get("volunteers").asInt()).as("2 and 9, shares 2 + 7").isEqualTo(10);
        assertThat(values(answer, "3").get("volunteers").asInt()).isEqualTo(5);
    }

    @Test
    void viewersAndKiTokensSeeWhatAnonymousCallersSee() {
        JsonNode anonymous = json(http.get(BY_SITE));

        assertThat(answer(BY_SITE, TestTokens.viewer())).isEqualTo(anonymous);
        assertThat(answer(BY_SITE, TestTokens.ki(SOEST))).isEqualTo(anonymous);
    }

    @Test
    void theLakiSeesExactNumbers() {
        JsonNode answer = answer(BY_SITE, TestTokens.laki());

        assertThat(values(answer, SOEST).get("participants").asInt()).isEqualTo(3);
        assertThat(values(answer, KOELN)).isEqualTo(json("""
                {"activities":1,"participants":6,"volunteers":7,"sessions":1,"hours":2}"""));
        assertThat(values(answer, DUESSELDORF).get("volunteers").asInt()).isEqualTo(2);
    }

    @Test
    void csvOpensInGermanExcelWithWithheldCellsAsDotsAndRoundedPeopleCountsSayingSo() {
        HttpResponse<String> response = http.get(CSV, "Accept", "text/csv");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"activities-regierungsbezirk-2018.csv\"");
        assertThat(response.body()).isEqualTo("\uFEFF"
                + "Schlüssel;Bezeichnung;Aktivitäten;Teilnehmende (gerundet);Ehrenamtliche (gerundet);Termine;Stunden\r\n"
                + "1;Düsseldorf;1;10;0;1;2\r\n"
                + "3;Köln;0;0;0;0;0\r\n"
                + "5;Münster;0;0;0;0;0\r\n"
                + "7;Detmold;0;0;0;0;0\r\n"
                + "9;Arnsberg;1;.;0;1;2\r\n"
                + ";Insgesamt;2;15;0;2;4\r\n");
    }

    @Test
    void csvForTheLakiHasExactNumbersAndSiteKeysKeepTheirLeadingZero() {
        HttpResponse<String> byRegion = http.get(CSV, "Accept", "text/csv", "Authorization", TestTokens.bearer(TestTokens.laki()));
        HttpResponse<String> bySite = http.get(CSV.replace("regierungsbezirk", "site"), "Accept", "text/csv");

        assertThat(byRegion.body()).contains("Teilnehmende;Ehrenamtliche;", "\r\n1;Düsseldorf;1;12;0;1;2\r\n",
                "\r\n9;Arnsberg;1;3;0;1;2\r\n");
        assertThat(bySite.body()).contains("\r\n05974;Kreis Soest;1;.;0;1;2\r\n", "\r\n05111;Düsseldorf;1;10;0;1;2\r\n");
        assertThat(bySite.body().lines()).hasSize(1 + 54 + 1);
    }

    @Test
    void aBadCsvRequestIsAProblemInJson() {
        HttpResponse<String> response = http.get("/api/v1/aggregates?measure=activities&groupBy=status", "Accept", "text/csv");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(response).get("errors").get(0).get("pointer").asString()).isEqualTo("/groupBy");
    }

    @Test
    void withoutAcceptHeaderTheAnswerIsJson() {
        HttpResponse<String> response = http.get(CSV, "Accept", "*/*");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    }

    private JsonNode answer(String query, String token) {
        HttpResponse<String> response = http.get(query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode values(JsonNode answer, String key) {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("values");
            }
        }
        throw new AssertionError("no row " + key);
    }
}
