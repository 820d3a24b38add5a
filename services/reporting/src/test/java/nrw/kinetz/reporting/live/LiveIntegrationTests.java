package nrw.kinetz.reporting.live;

import static nrw.kinetz.reporting.ActivityEvents.DUESSELDORF;
import static nrw.kinetz.reporting.ActivityEvents.KOELN;
import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/live} over real HTTP: events published to {@code ki.activities.v1} as the intake publishes
 * them arrive as Server-Sent Events, per caller suppressed or exact, resumable with {@code Last-Event-ID}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class LiveIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventPublisher publisher;

    @Autowired
    LiveStreams streams;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;

    @BeforeEach
    void client() {
        http = new ReportingHttp(port);
    }

    @Test
    void anAggregateChangeArrivesAsAnEventWhoseIdIsItsFeedCursor() {
        try (SseClient anonymous = SseClient.connect(port, "/api/v1/live?period=2021");
                SseClient laki = SseClient.connect(port, "/api/v1/live?period=2021", "Authorization", TestTokens.bearer(TestTokens.laki()))) {
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.contentType()).startsWith("text/event-stream");

            publish(report(SOEST, LocalDate.of(2021, 1, 15), 3, 8));

            SseClient.Event event = anonymous.next(e -> e.name().equals("aggregate"), WAIT);
            JsonNode data = json(event.data());
            assertThat(data.get("key").asString()).isEqualTo("activities/05974/2021-01/FRUEHE_BILDUNG/BERATUNG/NONE");
            assertThat(data.get("values")).isEqualTo(json("""
                    {"activities":1,"participants":{"suppressed":true},"volunteers":5,"sessions":1,"hours":2}"""));
            assertThat(event.id()).isEqualTo(data.get("cursor").asString());
            JsonNode feed = json(http.get("/api/v1/feed?limit=1&after=" + (Long.parseLong(event.id()) - 1)));
            assertThat(feed.get("changes").get(0).get("key").asString()).isEqualTo(data.get("key").asString());

            JsonNode exact = json(laki.next(e -> e.name().equals("aggregate"), WAIT).data());
            assertThat(exact.get("values").get("participants").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theConnectedClientsAreAGaugeOnThePrometheusEndpoint() {
        double before = liveClients();
        try (SseClient first = SseClient.connect(port, "/api/v1/live?period=2019");
                SseClient second = SseClient.connect(port, "/api/v1/live?period=2019")) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);

            await().atMost(WAIT).untilAsserted(() -> assertThat(liveClients()).isEqualTo(before + 2));
        }
    }

    private double liveClients() {
        var response = http.get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var m = Pattern.compile("(?m)^kinetz_reporting_live_clients(\\{[^}]*})? (\\S+)$").matcher(response.body());
        assertThat(m.find()).as("kinetz_reporting_live_clients in%n%s", response.body()).isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void aClientReconnectingWithLastEventIdFirstGetsWhatItMissedThenLiveEvents() {
        String lastId;
        try (SseClient client = SseClient.connect(port, "/api/v1/live?period=2022")) {
            publish(report(SOEST, LocalDate.of(2022, 1, 1), 5, 0));
            client.next(e -> e.data().contains("/2022-01/"), WAIT);
            lastId = client.lastEventId();
        }
        // Missed while disconnected: two other cells.
        publish(report(KOELN, LocalDate.of(2022, 2, 1), 6, 0), report(DUESSELDORF, LocalDate.of(2022, 3, 1), 7, 0));
        awaitFeedContains("/2022-03/");

        try (SseClient resumed = SseClient.connect(port, "/api/v1/live?period=2022", "Last-Event-ID", lastId)) {
            SseClient.Event missedFirst = resumed.next(e -> true, WAIT);
            SseClient.Event missedSecond = resumed.next(e -> true, WAIT);
            assertThat(List.of(missedFirst.data(), missedSecond.data()))
                    .anySatisfy(d -> assertThat(d).contains("activities/05315/2022-02/"))
                    .anySatisfy(d -> assertThat(d).contains("activities/05111/2022-03/"));
            assertThat(Long.parseLong(missedFirst.id())).isGreaterThan(Long.parseLong(lastId));

            publish(report(SOEST, LocalDate.of(2022, 4, 1), 8, 0));
            SseClient.Event live = resumed.next(e -> true, WAIT);
            assertThat(live.data()).contains("activities/05974/2022-04/");
            assertThat(resumed.drain(Duration.ofMillis(300))).noneMatch(e -> e.data().contains("/2022-01/"));
        }
    }

    @Test
    void withGroupByTheWholeTouchedTableArrivesAsTheAggregatesEndpointAnswersIt() {
        try (SseClient client = SseClient.connect(port, "/api/v1/live?groupBy=regierungsbezirk&period=2023-Q1")) {
            publish(report(SOEST, LocalDate.of(2023, 2, 1), 3, 0), report(DUESSELDORF, LocalDate.of(2023, 2, 2), 12, 0));

            await().atMost(WAIT).untilAsserted(() -> {
                SseClient.Event event = client.next(e -> e.name().equals("report"), WAIT);
                assertThat(json(event.data()).get("total").get("activities").asInt()).isEqualTo(2);
                assertThat(json(event.data())).isEqualTo(
                        json(http.get("/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=2023-Q1")));
            });
        }
    }

    @Test
    void siteNarrowsTheStreamToOneSitesChanges() {
        try (SseClient client = SseClient.connect(port, "/api/v1/live?site=05315&period=2024")) {
            publish(report(SOEST, LocalDate.of(2024, 1, 1), 5, 0), report(KOELN, LocalDate.of(2024, 1, 2), 6, 0));

            SseClient.Event event = client.next(e -> true, WAIT);
            assertThat(json(event.data()).get("dimensions").get("site").asString()).isEqualTo(KOELN);
            assertThat(client.drain(Duration.ofMillis(500))).noneMatch(e -> e.data().contains("/05974/"));
        }
    }

    @Test
    void idleStreamsGetCommentHeartbeats() {
        try (SseClient client = SseClient.connect(port, "/api/v1/live?period=2099")) {
            await().atMost(WAIT).until(() -> client.comments().contains("connected"));

            streams.heartbeat();

            await().atMost(WAIT).until(() -> client.comments().contains("heartbeat"));
        }
    }

    @Test
    void aStreamTheServerEndsClosesCleanlyAndTheClientResumesWhereItWas() {
        String lastId;
        try (SseClient laki = SseClient.connect(port, "/api/v1/live?period=2025", "Authorization", TestTokens.bearer(TestTokens.laki()))) {
            publish(report(SOEST, LocalDate.of(2025, 1, 1), 2, 0));
            laki.next(e -> e.data().contains("/2025-01/"), WAIT);
            lastId = laki.lastEventId();

            // An instance going down ends its streams; the async dispatch that completes the response passes security.
            streams.stop();
            await().atMost(WAIT).until(laki::ended);
            streams.start(Duration.ofMillis(500), Duration.ofSeconds(15));
        }
        publish(report(SOEST, LocalDate.of(2025, 2, 1), 3, 0));
        awaitFeedContains("/2025-02/");

        try (SseClient resumed = SseClient.connect(port, "/api/v1/live?period=2025", "Authorization", TestTokens.bearer(TestTokens.laki()),
                "Last-Event-ID", lastId)) {
            assertThat(resumed.status()).isEqualTo(200);
            JsonNode missed = json(resumed.next(e -> true, WAIT).data());
            assertThat(missed.get("key").asString()).contains("/2025-02/");
            assertThat(missed.get("values").get("participants").asInt()).as("exact for the laki").isEqualTo(3);
        }
    }

    @Test
    void badParametersAreA400ProblemNamingEachOne() {
        var response = http.get("/api/v1/live?groupBy=status&site=12345&period=2026-13", "Accept", "text/event-stream",
                "Last-Event-ID", "abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(response).get("errors").findValuesAsString("pointer"))
                .containsExactly("/groupBy", "/site", "/period", "/Last-Event-ID");
    }

    private void publish(ActivityReported... reports) {
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(reports)));
    }

    private void awaitFeedContains(String keyPart) {
        await().atMost(WAIT).until(() -> {
            String cursor = "0";
            while (true) {
                JsonNode page = json(http.get("/api/v1/feed?limit=1000&after=" + cursor));
                if (page.get("changes").isEmpty()) {
                    return false;
                }
                for (JsonNode change : page.get("changes")) {
                    if (change.get("key").asString().contains(keyPart)) {
                        return true;
                    }
                }
                cursor = page.get("next").asString();
            }
        });
    }
}
