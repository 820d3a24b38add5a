package nrw.kinetz.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import nrw.kinetz.programs.sample.SampleData;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/** The devstack's sample grants and measures: plausible, consistent with the money rules, seeded once. */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                "kinetz.programs.seed.enabled=true", "spring.mongodb.database=program-tracking-seeding",
                "spring.kafka.consumer.group-id=program-tracking-seeding"})
@WithKiNetzInfrastructure
class SeedingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SampleData sampleData;

    @Test
    void sampleGrantsAndMeasuresAreSeededOnceAndKeepTheMoneyRules(TestInfrastructure infrastructure) throws Exception {
        Http http = new Http(port);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> mongo.count(new Query(), "measures") == 54 * 3 * 2);
        long grants = mongo.count(new Query(), "grants");
        long measures = mongo.count(new Query(), "measures");
        assertThat(grants).isGreaterThan(54 * 3 * 2);
        assertThat(measures).isEqualTo(54 * 3 * 2);

        sampleData.seedAll();
        assertThat(mongo.count(new Query(), "grants")).isEqualTo(grants);
        assertThat(mongo.count(new Query(), "measures")).isEqualTo(measures);

        JsonNode soest = http.get("/api/v1/grants?site=05974&program=KOMM_AN_II").json();
        assertThat(soest).hasSize(3);
        for (JsonNode grant : soest) {
            assertThat(new java.math.BigDecimal(grant.get("disbursed").asString()))
                    .isLessThanOrEqualTo(new java.math.BigDecimal(grant.get("amountGranted").asString()));
            assertThat(new java.math.BigDecimal(grant.get("passedOn").asString()))
                    .isLessThanOrEqualTo(new java.math.BigDecimal(grant.get("disbursed").asString()));
        }
        assertThat(http.get("/api/v1/grants/overdue-proofs").json()).isNotEmpty();
        assertThat(http.get("/api/v1/measures/05974/KA2-2025-017").status()).isEqualTo(200);
        new ProgramEvents(infrastructure.kafkaBootstrapServers(), mongo).awaitRelayed();
    }
}
