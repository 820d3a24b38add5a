package nrw.kinetz.reporting.aggregate;

import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
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
 * Public reads over real HTTP: an aggregate answer is computed once per question while the read models stand
 * still, and never handed out after they moved; a client reading faster than its rate gets 429 problem+json with
 * {@code Retry-After}, while other clients and the LaKI read on. Anonymous callers may read 5 times at once and then
 * once every 100 s here (no refill between two requests however busy the machine); the token subject
 * {@code public-reads-dashboard} 1,000 times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kinetz.reporting.public-reads.per-second=0.01", "kinetz.reporting.public-reads.burst=5",
        "kinetz.reporting.public-reads.clients.public-reads-dashboard.per-second=1000",
        "kinetz.reporting.public-reads.clients.public-reads-dashboard.burst=1000"})
@WithKiNetzInfrastructure
class PublicReadsIntegrationTests {

    private static final String ALL_TIME_BY_SITE = "/api/v1/aggregates?measure=activities&groupBy=site";
    private static final String YEAR_BY_SITE = "/api/v1/aggregates?measure=activities&groupBy=site&period=2005";

    @Autowired
    EventPublisher publisher;

    @Autowired
    PublicAnswers answers;

    @Value("${local.server.port}")
    int port;

    private final String dashboard = TestTokens.mint("public-reads-dashboard", List.of("viewer"), null);

    @Test
    void aRepeatedPublicQuestionIsAnsweredFromMemoryUntilANewActivityArrives() {
        ReportingHttp http = new ReportingHttp(port);
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(report(SOEST, LocalDate.of(2005, 3, 1), 10, 0))));
        await().atMost(Duration.ofSeconds(30)).until(() -> activities(http.get(YEAR_BY_SITE, dashboard)) == 1);
        // The relay may still be moving other tests' changes into the feed: ask until one answer is reused.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = answers.reused();
            http.get(ALL_TIME_BY_SITE, dashboard);
            http.get(ALL_TIME_BY_SITE, dashboard);
            return answers.reused() > before;
        });
        long computed = answers.computed();
        HttpResponse<String> first = http.get(YEAR_BY_SITE, dashboard);
        HttpResponse<String> again = http.get(YEAR_BY_SITE, dashboard);
        HttpResponse<String> viewer = http.get(YEAR_BY_SITE, TestTokens.viewer());

        assertThat(again.body()).isEqualTo(first.body()).isEqualTo(viewer.body());
        assertThat(answers.computed()).as("three asks, at most one computation").isLessThanOrEqualTo(computed + 1);

        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(report(SOEST, LocalDate.of(2005, 3, 2), 10, 0))));

        await().atMost(Duration.ofSeconds(30)).until(() -> activities(http.get(YEAR_BY_SITE, dashboard)) == 2);
    }

    @Test
    void theLakisExactAnswersAreComputedEveryTimeAndNeverHandedToThePublic() {
        ReportingHttp http = new ReportingHttp(port);
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(report(SOEST, LocalDate.of(2005, 9, 1), 3, 0))));
        String question = "/api/v1/aggregates?measure=activities&groupBy=site&period=2005-09";
        await().atMost(Duration.ofSeconds(30)).until(() -> activities(http.get(question, TestTokens.laki())) == 1);

        long reused = answers.reused();
        JsonNode exact = json(http.get(question, TestTokens.laki()));
        JsonNode exactAgain = json(http.get(question, TestTokens.laki()));
        JsonNode shown = json(http.get(question, dashboard));

        assertThat(answers.reused()).isEqualTo(reused);
        assertThat(exact.at("/total/participants").asInt()).isEqualTo(3);
        assertThat(exactAgain.at("/total/participants").asInt()).isEqualTo(3);
        assertThat(shown.at("/total/participants/suppressed").asBoolean()).isTrue();
    }

    @Test
    void anAnonymousClientReadingFasterThanItsRateGets429WithRetryAfterWhileOthersReadOn() {
        ReportingHttp http = new ReportingHttp(port);
        String question = "/api/v1/aggregates?measure=sites&groupBy=status";
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            HttpResponse<String> response = http.get(question);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }

        assertThat(refused).as("a burst of 5: ten at once are too many").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
        JsonNode problem = json(refused);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("address 127.0.0.1");
        assertThat(http.get("/api/v1/feed?after=0&limit=1").statusCode()).as("every public read counts").isEqualTo(429);
        assertThat(http.get("/odata/v4/").statusCode()).as("the OData feed's too").isEqualTo(429);
        assertThat(http.get(question, dashboard).statusCode()).as("another client has a rate of its own").isEqualTo(200);
        assertThat(http.get(question, TestTokens.laki()).statusCode()).as("the LaKI is not limited").isEqualTo(200);
    }

    private static int activities(HttpResponse<String> response) {
        return json(response).at("/total/activities").asInt();
    }
}
