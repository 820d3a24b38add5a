package nrw.kinetz.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.kafka.KafkaBacklogMetrics;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.infra.testapp.SiteEventsListener;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class MetricsIntegrationTests {

    private static final String GROUP = "service-support-tests";

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Autowired
    SiteEventsListener listener;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaBacklogMetrics backlog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Test
    void prometheusScrapesHttpJvmAndKafkaMetricsWithoutAToken() throws Exception {
        UUID id = publishSite();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(), HttpResponse.BodyHandlers.discarding());

        var scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads")
                .contains("mongodb_driver_pool_size{")
                .contains("kafka_producer_record_send_total{")
                .contains("kafka_consumer_fetch_manager_records_consumed_total{")
                .contains("spring_kafka_template_seconds_count{")
                .containsPattern("spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\"" + Topics.SITES + "\"")
                .containsPattern("kinetz_kafka_dead_letters\\{[^}]*topic=\"" + Topics.ACTIVITIES + "\"");
    }

    @Test
    void consumerLagCountsTheRecordsAListenerHasNotCommittedPerGroupTopicAndPartition() {
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> GROUP.equals(c.getGroupId())).findFirst().orElseThrow();
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(20)).until(container::isPauseRequested);
            await().atMost(Duration.ofSeconds(20)).until(container::isContainerPaused);
            backlog.refresh();
            double before = lag();

            publishSite();
            publishSite();
            backlog.refresh();

            assertThat(lag()).isEqualTo(before + 2);
            assertThat(meters.get("kinetz.kafka.consumer.lag").tag("group", GROUP).tag("topic", Topics.SITES).gauges())
                    .extracting(gauge -> gauge.getId().getTag("partition")).contains("0", "1", "2");
        } finally {
            container.resume();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            backlog.refresh();
            assertThat(lag()).isZero();
        });
    }

    @Test
    void deadLettersAreCountedPerTopic() throws Exception {
        backlog.refresh();
        double before = deadLetters(Topics.SITES);

        template.send(new ProducerRecord<>(Topics.SITES, "05158", "not an event".getBytes(StandardCharsets.UTF_8))).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            backlog.refresh();
            assertThat(deadLetters(Topics.SITES)).isEqualTo(before + 1);
        });
    }

    @Test
    void aRelaysBacklogCountsTheDocumentsWithPendingEventsInTheStore() {
        String collection = "outbox-" + UUID.randomUUID();
        mongo.insert(new Document("_id", "a").append("pendingEventIds", List.of("e1", "e2")), collection);
        mongo.insert(new Document("_id", "b").append("pendingEventIds", List.of()), collection);
        mongo.insert(new Document("_id", "c").append("pendingEventIds", List.of("e3")), collection);
        mongo.insert(new Document("_id", "d"), collection);
        var registry = new SimpleMeterRegistry();

        RelayBacklog.register(registry, "test-events", "documents with pending events",
                RelayBacklog.documentsWithPending(mongo, collection, "pendingEventIds"));

        assertThat(registry.get(RelayBacklog.METER).tag("relay", "test-events").gauge().value()).isEqualTo(2);
    }

    @Test
    void aRelaysBacklogThatCannotBeReadShowsNoValueRatherThanFailingTheScrape() {
        var registry = new SimpleMeterRegistry();

        RelayBacklog.register(registry, "away", "documents", () -> {
            throw new IllegalStateException("store away");
        });

        assertThat(registry.get(RelayBacklog.METER).tag("relay", "away").gauge().value()).isNaN();
    }

    private double lag() {
        return meters.get("kinetz.kafka.consumer.lag").tag("group", GROUP).tag("topic", Topics.SITES).gauges().stream()
                .mapToDouble(gauge -> gauge.value()).sum();
    }

    private double deadLetters(String topic) {
        return meters.get("kinetz.kafka.dead.letters").tag("topic", topic).gauge().value();
    }

    private UUID publishSite() {
        UUID id = UUID.randomUUID();
        publisher.publishAndWait(EventEnvelope.of(id, EventSource.service("site-registry"), SiteEventTypes.REGISTERED,
                "05962", new SiteRegistered(SiteId.of("05962"), "Märkischer Kreis", TerritoryKind.KREIS,
                        Regierungsbezirk.ARNSBERG, DistrictKey.of("05962"), 405_212, SiteStatus.FUNDED,
                        LocalDate.of(2013, 2, 1))));
        return id;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
