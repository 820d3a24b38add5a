package nrw.kinetz.programs.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.model.program.ProofOfUseAccepted;
import nrw.kinetz.programs.ProgramEvents;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/** A grant from application to accepted proof of use, through HTTP, the real store and the real broker. */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class GrantLifecycleIntegrationTests {

    @Autowired
    MeterRegistry relayMeters;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Http http;
    private Grants grants;
    private ProgramEvents events;
    private String bootstrapServers;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        grants = new Grants(http);
        bootstrapServers = infrastructure.kafkaBootstrapServers();
        events = new ProgramEvents(bootstrapServers, mongo);
    }

    @Test
    void aGrantGoesFromApplicationToAcceptedProofOfUseWithARepaymentClaim() {
        String site = "05974";
        Http.Response applied = grants.apply(site, "KOMM_AN_II", "A", 2025, "20000.00");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.header("Location")).endsWith("/api/v1/grants/" + applied.json().get("grantId").asString());
        String id = applied.json().get("grantId").asString();
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().get("amountApplied").asString()).isEqualTo("20000.00");

        Http.Response approved = grants.approve(id, applied.header("ETag"), "18000.00");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("amountGranted").asString()).isEqualTo("18000.00");
        assertThat(approved.json().get("proofOfUseDue").asString()).isEqualTo("2026-06-30");

        assertThat(grants.disburse(site, id, "10000.00").status()).isEqualTo(201);
        Http.Response amended = http.send("POST", "/api/v1/grants/" + id + "/amendments", TestTokens.laki(),
                grants.etag(id), "{\"amountGranted\":\"15000.00\",\"reason\":\"Block A startet erst im März\"}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("decisions")).extracting(d -> d.get("kind").asString())
                .containsExactly("APPLIED", "APPROVED", "AMENDED");
        assertThat(amended.json().get("decisions").get(1).get("amount").asString()).isEqualTo("18000.00");
        assertThat(grants.disburse(site, id, "2000.50").status()).isEqualTo(201);
        Http.Response passed = grants.passOn(site, id, "8000.00");
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        assertThat(passed.json().get("passedOn").asString()).isEqualTo("8000.00");
        assertThat(passed.json().get("available").asString()).isEqualTo("2999.50");

        Http.Response submitted = http.send("PUT", "/api/v1/grants/" + id + "/proof-of-use", TestTokens.ki(site),
                grants.etag(id), "{\"narrative\":\"Zwei Treffpunkte betrieben.\",\"spent\":\"11500.00\",\"unspent\":\"500.50\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Http.Response returned = http.send("POST", "/api/v1/grants/" + id + "/proof-of-use/return", TestTokens.laki(),
                grants.etag(id), "{\"reason\":\"Belege für Block A fehlen\"}");
        assertThat(returned.json().get("proofOfUse").get("status").asString()).isEqualTo("RETURNED");
        assertThat(http.send("PUT", "/api/v1/grants/" + id + "/proof-of-use", TestTokens.ki(site), grants.etag(id),
                "{\"narrative\":\"Mit Belegen.\",\"spent\":\"11500.00\",\"unspent\":\"500.50\"}").status()).isEqualTo(200);
        Http.Response accepted = http.send("POST", "/api/v1/grants/" + id + "/proof-of-use/acceptance", TestTokens.laki(),
                grants.etag(id), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("proofOfUse").get("repaymentClaim").asString()).isEqualTo("500.50");

        assertThat(events.typesAbout(site, id)).containsExactly("nrw.ki.program.grant-applied.v1",
                "nrw.ki.program.grant-approved.v1", "nrw.ki.program.funds-disbursed.v1", "nrw.ki.program.grant-amended.v1",
                "nrw.ki.program.funds-disbursed.v1", "nrw.ki.program.sub-grant-passed-on.v1",
                "nrw.ki.program.proof-of-use-submitted.v1", "nrw.ki.program.proof-of-use-returned.v1",
                "nrw.ki.program.proof-of-use-submitted.v1", "nrw.ki.program.proof-of-use-accepted.v1");
        ProofOfUseAccepted last = events.all(site, id, ProgramEventTypes.PROOF_OF_USE_ACCEPTED).get(0);
        assertThat(last.repaymentClaim()).isEqualTo(Money.parse("500.50"));
    }

    @Test
    void theProgramsTopicIsReadableWithTheCloudEventsSdkAlone() {
        String site = "05315";
        String id = grants.approved(site, "KIM", null, 2025, "120000.00");
        events.awaitRelayed();

        List<CloudEvent> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "cloudevents-sdk-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("ki.programs.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (site.equals(record.key()) && new String(record.value().getData().toBytes(),
                            java.nio.charset.StandardCharsets.UTF_8).contains(id)) {
                        read.add(record.value());
                    }
                }
            }
        }

        assertThat(read).extracting(CloudEvent::getType)
                .containsExactly("nrw.ki.program.grant-applied.v1", "nrw.ki.program.grant-approved.v1");
        CloudEvent approval = read.get(1);
        assertThat(approval.getSource()).hasToString("/services/program-tracking");
        assertThat(approval.getSubject()).isEqualTo(site);
        assertThat(approval.getDataSchema()).hasToString("urn:nrw-ki:schema:program-grant-approved.v1");
        JsonNode data = nrw.kinetz.model.event.EventJson.mapper().readTree(approval.getData().toBytes());
        assertThat(data.get("grantId").asString()).isEqualTo(id);
        assertThat(data.get("amountGranted").isString()).isTrue();
        assertThat(data.get("amountGranted").asString()).isEqualTo("120000.00");
    }

    @Test
    void everyProducedTypeHasItsSchemaServedWithAnETagToRevalidate() {
        for (var type : ProgramEventTypes.ALL) {
            Http.Response schema = http.get("/api/v1/schemas/" + type.schemaName() + ".json");
            assertThat(schema.status()).as(type.name()).isEqualTo(200);
            assertThat(schema.json().get("$id").asString()).isEqualTo(type.dataschema().toString());
            assertThat(schema.header("Cache-Control")).isEqualTo("no-cache");
            String etag = schema.header("ETag");
            assertThat(etag).as("strong ETag").startsWith("\"");
            assertThat(http.get("/api/v1/schemas/" + type.schemaName() + ".json", "If-None-Match", etag).status())
                    .as("unchanged schema revalidates").isEqualTo(304);
        }
        assertThat(http.get("/api/v1/schemas/site-registered.v1.json").status()).isEqualTo(404);
    }

    @Test
    void theCatalogueListsEveryProgramWithGermanNamesYearsBlocksAndIndicators() {
        Http.Response all = http.get("/api/v1/programs");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).hasSize(9);
        JsonNode kommAn2 = http.get("/api/v1/programs/KOMM_AN_II").json();
        assertThat(kommAn2.get("name").asString()).isEqualTo("KOMM-AN NRW Teil II");
        assertThat(kommAn2.get("blocks")).extracting(b -> b.get("name").asString()).contains("Ankommenstreffpunkte");
        assertThat(kommAn2.get("indicatorSets").get(0).get("indicators")).extracting(i -> i.get("code").asString())
                .containsExactly("MEETING_POINT_SESSIONS", "VISITS", "VOLUNTEERS_ENGAGED");
        JsonNode kommIn = http.get("/api/v1/programs/komm_in").json();
        assertThat(kommIn.get("historical").asBoolean()).isTrue();
        assertThat(kommIn.get("lastYear").asInt()).isEqualTo(2012);
        assertThat(http.get("/api/v1/programs/KOMM_AN_IV").status()).isEqualTo(400);
        assertThat(http.send("POST", "/api/v1/programs", TestTokens.laki(), null, "{}").status()).isIn(403, 405);
    }

    @Test
    void theRelayBacklogOfProgramEventsIsAGaugeThatFallsToZeroOnceEverythingIsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                relayMeters.get(RelayBacklog.METER).tag("relay", "program-events").gauge().value()).isZero());
    }
}
