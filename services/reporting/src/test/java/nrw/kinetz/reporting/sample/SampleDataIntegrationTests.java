package nrw.kinetz.reporting.sample;

import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.SampleData;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** The dashboard's "Beispieldaten" badge asks {@code GET /api/v1/sample-data}; it follows the activities topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class SampleDataIntegrationTests {

    @Autowired
    EventPublisher publisher;

    @Value("${local.server.port}")
    int port;

    @Test
    void realActivitiesAreNotSampleDataButOneMarkedActivityMakesTheNumbersSampleData() {
        ReportingHttp http = new ReportingHttp(port);
        ActivityReported real = ActivityEvents.report(SOEST, LocalDate.of(2004, 3, 4), 12, 0);
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(real)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(http.get(
                "/api/v1/aggregates?measure=activities&groupBy=site&period=2004")).get("total").get("activities").asInt())
                .isEqualTo(1));
        assertThat(json(http.get("/api/v1/sample-data"))).isEqualTo(json("{\"present\":false}"));

        ActivityReported sample = new ActivityReported(java.util.UUID.randomUUID(), real.siteId(), real.occurredOn(),
                real.field(), real.focusArea(), real.activityType(), null, null, null, real.metrics(),
                SampleData.note("Griffbereit-Gruppe"));
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(List.of(sample)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var answer = json(http.get("/api/v1/sample-data"));
            assertThat(answer.get("present").asBoolean()).isTrue();
            assertThat(answer.get("since").asString()).isNotBlank();
        });
    }
}
