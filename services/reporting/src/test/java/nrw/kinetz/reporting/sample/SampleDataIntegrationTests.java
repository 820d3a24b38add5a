package nrw.kinetz.reporting.sample;

import static nrw.kinetz.reporting.ActivityEvents.SOEST;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.SampleData;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.sample.adapter.MongoSampleData;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** The dashboard's "Beispieldaten" badge asks {@code GET /api/v1/sample-data}; it follows the activities topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class SampleDataIntegrationTests {

    @Autowired
    EventPublisher publisher;

    @Autowired
    MeterRegistry meters;

    @Value("${local.server.port}")
    int port;

    @Test
    void realActivitiesAreNotSampleDataButOneMarkedActivityMakesTheNumbersSampleData(TestInfrastructure infrastructure) {
        ReportingHttp http = new ReportingHttp(port);
        ActivityReported real = ActivityEvents.report(SOEST, LocalDate.of(2004, 3, 4), 12, 0);
        List<ActivityReported> more = IntStream.range(0, 19).mapToObj(i -> ActivityEvents.report(SOEST, LocalDate.of(2004, 3, 5), 3, 0)).toList();
        double asked = sampleDataFinds();
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(Stream.concat(Stream.of(real), more.stream()).toList()));
        ListenerCatchUp.await(infrastructure.kafkaBootstrapServers(), "reporting.sample-data", Topics.ACTIVITIES, Duration.ofSeconds(30));
        // records without the mark are passed by without a round trip to the store
        assertThat(sampleDataFinds()).isEqualTo(asked);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(http.get(
                "/api/v1/aggregates?measure=activities&groupBy=site&period=2004")).get("total").get("activities").asInt())
                .isEqualTo(20));
        assertThat(json(http.get("/api/v1/sample-data"))).isEqualTo(json("{\"present\":false}"));
        assertThat(sampleDataFinds()).as("the answer \"none yet\" is read from the store, and counted").isGreaterThan(asked);

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

    private double sampleDataFinds() {
        return meters.find("mongodb.driver.commands").tag("collection", MongoSampleData.COLLECTION).tag("command", "find")
                .timers().stream().mapToDouble(timer -> timer.count()).sum();
    }
}
