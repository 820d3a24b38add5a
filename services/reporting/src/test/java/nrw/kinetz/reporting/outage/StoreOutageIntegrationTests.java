package nrw.kinetz.reporting.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.StoppableStore;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * A store outage is not poison (docs/architecture.md#dlt): while reporting's MongoDB is stopped — far longer
 * than the driver's timeouts and the bounded retries for unknown failures — the listeners keep the records,
 * and once the store is back every activity is counted exactly once; only a malformed record goes to the
 * dead-letter topic. Meanwhile an HTTP read is answered 503 with {@code Retry-After} within the driver's short
 * timeouts. Uses a store of its own, which it stops; Kafka is the shared broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kinetz.reporting.reconciliation-delay=1h")
@WithKiNetzInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreOutageIntegrationTests {

    private static final StoppableStore STORE = StoppableStore.started("reporting");
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SITE = ActivityEvents.VIERSEN;

    /** The driver gives up on the stopped store after 1 s, so bounded retries would run out within the outage. */
    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        STORE.register(registry);
        registry.add("kinetz.mongodb.server-selection-timeout", () -> "1s");
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Value("${local.server.port}")
    int port;

    @Test
    void activitiesSentWhileTheStoreIsDownAreCountedOnceItIsBackAndOnlyThePoisonIsDeadLettered(
            TestInfrastructure infrastructure) throws Exception {
        ReportingHttp http = new ReportingHttp(port);
        ActivityEvents.publishAll(publisher, List.of(ActivityEvents.envelope(ActivityEvents.report(SITE, LocalDate.of(2006, 1, 2), 5, 0))));
        awaitActivities(http, 1);

        STORE.stop();
        List<ActivityReported> during = IntStream.range(0, 6)
                .mapToObj(i -> ActivityEvents.report(SITE, LocalDate.of(2006, 2, 1 + i), 5 + i, 0)).toList();
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(during.subList(0, 3)));
        String poisonId = sendPoison();
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(during.subList(3, 6)));

        Set<String> good = Set.copyOf(during.stream().map(r -> r.activityId().toString()).toList());
        String deadLetters = Topics.deadLetter(Topics.ACTIVITIES);
        assertThat(TopicReader.read(infrastructure.kafkaBootstrapServers(), deadLetters, r -> good.contains(idOf(r)), 1, OUTAGE))
                .as("good records dead-lettered while the store was down").extracting(StoreOutageIntegrationTests::idOf).isEmpty();
        STORE.start();

        JsonNode total = awaitActivities(http, 7);
        assertThat(total.get("participants").asInt()).isEqualTo(5 + 5 + 6 + 7 + 8 + 9 + 10);
        assertThat(TopicReader.read(infrastructure.kafkaBootstrapServers(), deadLetters, r -> poisonId.equals(idOf(r)), 1, WAIT))
                .extracting(StoreOutageIntegrationTests::idOf).containsExactly(poisonId);
        assertThat(TopicReader.readToEnd(infrastructure.kafkaBootstrapServers(), deadLetters, WAIT))
                .extracting(StoreOutageIntegrationTests::idOf).doesNotContainAnyElementsOf(good);
        ActivityReported after = ActivityEvents.report(SITE, LocalDate.of(2006, 3, 1), 1, 0);
        ActivityEvents.publishAll(publisher, List.of(ActivityEvents.envelope(after)));
        assertThat(awaitActivities(http, 8).get("participants").asInt()).isEqualTo(5 + 45 + 1);
    }

    @Test
    void aReadWhileTheStoreIsDownIsAnswered503WithRetryAfterAndSucceedsOnceItIsBack() {
        ReportingHttp http = new ReportingHttp(port);
        String query = "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=2005";
        assertThat(http.get(query).statusCode()).isEqualTo(200);

        STORE.stop();
        HttpResponse<String> refused;
        HttpResponse<String> german;
        try {
            refused = http.get(query);
            german = http.get(query, "Accept-Language", "de");
        } finally {
            STORE.start();
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(ReportingHttp.json(refused).get("errors")).isNotEmpty();
        assertThat(ReportingHttp.json(german).get("detail").asString()).contains("nicht erreichbar");
        await().atMost(WAIT).until(() -> http.get(query).statusCode() == 200);
    }

    private String sendPoison() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        var poison = new ProducerRecord<String, byte[]>(Topics.ACTIVITIES, SITE, "{\"activityId\":42}".getBytes(StandardCharsets.UTF_8));
        String[] headers = {CloudEventsKafka.SPECVERSION, "1.0", CloudEventsKafka.ID, poisonId, CloudEventsKafka.SOURCE, "/ki/" + SITE,
                CloudEventsKafka.TYPE, "nrw.ki.activity.reported.v1", CloudEventsKafka.TIME, "2006-02-02T10:00:00Z",
                CloudEventsKafka.SUBJECT, SITE};
        for (int i = 0; i < headers.length; i += 2) {
            poison.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(poison).get(10, TimeUnit.SECONDS);
        return poisonId;
    }

    private static JsonNode awaitActivities(ReportingHttp http, int activities) {
        JsonNode[] total = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var response = http.get("/api/v1/aggregates?measure=activities&groupBy=site&period=2006", TestTokens.laki());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            total[0] = ReportingHttp.json(response).get("total");
            assertThat(total[0].get("activities").asInt()).isEqualTo(activities);
        });
        return total[0];
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID).orElse("");
    }
}
