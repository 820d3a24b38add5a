package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Seeding against the real broker and store, checked the way an outside consumer sees it: with nothing but
 * the CloudEvents Java SDK and a Kafka consumer.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class SeedingIntegrationTests {

    private static final String REGISTERED = "nrw.ki.site.registered.v1";
    private static final Set<String> KI_SITES = KiSites.all().stream().map(s -> s.siteId().value()).collect(Collectors.toSet());

    @Autowired
    SiteStore store;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    String issuer;

    private SiteEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        events = new SiteEvents(infrastructure.kafkaBootstrapServers(), store);
    }

    @Test
    void seedingPublishesExactlyOneRegisteredEventPerKiSiteReadableWithTheCloudEventsSdkAlone(TestInfrastructure infrastructure) {
        events.awaitRelayed();

        List<CloudEvent> registered = readWithCloudEventsSdk(infrastructure).stream()
                .filter(e -> REGISTERED.equals(e.getType()) && KI_SITES.contains(e.getSubject())).toList();

        assertThat(registered).hasSize(54);
        assertThat(registered).extracting(CloudEvent::getSubject).containsExactlyInAnyOrderElementsOf(KI_SITES);
        assertThat(registered).allSatisfy(event -> {
            assertThat(event.getSource()).hasToString("/services/site-registry");
            assertThat(event.getDataSchema()).hasToString("urn:nrw-ki:schema:site-registered.v1");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(EventJson.mapper().readTree(event.getData().toBytes()).get("siteId").asString()).isEqualTo(event.getSubject());
        });
        CloudEvent aachen = registered.stream().filter(e -> e.getSubject().equals("05334002")).findFirst().orElseThrow();
        assertThat(EventJson.mapper().readTree(aachen.getData().toBytes()).get("regierungsbezirk").asString()).isEqualTo("KOELN");
    }

    @Test
    void eachSitesEventsAreOnTheTopicInTheOrderTheyHappened() {
        assertThat(events.typesAbout("05974")).containsExactly(REGISTERED, "nrw.ki.site.staffing-changed.v1",
                "nrw.ki.site.status-changed.v1", "nrw.ki.site.status-changed.v1", "nrw.ki.site.status-changed.v1",
                "nrw.ki.site.focus-areas-changed.v1");
        assertThat(events.about("05974").get(0).headers().lastHeader("ce_id").value())
                .asString().isEqualTo(SiteSeeder.seedEventId(KiSites.all().stream()
                        .filter(s -> s.siteId().value().equals("05974")).findFirst().orElseThrow(), 0).toString());
    }

    @Test
    void aRestartOfTheServiceSeedsNothingAndPublishesNothingAgain(TestInfrastructure infrastructure) {
        events.awaitRelayed();
        Map<String, List<String>> before = eventIdsOfKiSites(infrastructure);

        // Command-line arguments, because they outrank the platform defaults as the environment does in production.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(SiteRegistryApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infrastructure.mongoConnectionString(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                        "--" + SiteRegistryIntegrationTest.POLL, "--" + SiteRegistryIntegrationTest.STOP)) {
            SiteStore restartedStore = restarted.getBean(SiteStore.class);
            // Seeding runs before run() returns; whatever it stored is on the topic once nothing is pending.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> restartedStore.pending(1).isEmpty());
        }

        Map<String, List<String>> after = eventIdsOfKiSites(infrastructure);
        assertThat(after).isEqualTo(before);
        assertThat(after).hasSize(54).allSatisfy((site, ids) -> assertThat(ids).hasSize(6).doesNotHaveDuplicates());
    }

    /** The {@code ce_id}s of the events about each of the 54 KI sites, in topic order. */
    private static Map<String, List<String>> eventIdsOfKiSites(TestInfrastructure infrastructure) {
        return readWithCloudEventsSdk(infrastructure).stream().filter(e -> KI_SITES.contains(e.getSubject()))
                .collect(Collectors.groupingBy(CloudEvent::getSubject, Collectors.mapping(CloudEvent::getId, Collectors.toList())));
    }

    private static List<CloudEvent> readWithCloudEventsSdk(TestInfrastructure infrastructure) {
        List<CloudEvent> all = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cloudevents-sdk-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("ki.sites.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    all.add(record.value());
                }
            }
        }
        return all;
    }
}
