package nrw.kinetz.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.catalog.CatalogEvents;
import nrw.kinetz.catalog.CatalogIntegrationTest;
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.catalog.Offerings;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingPublished;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Offerings over real HTTP against the real broker and store: who may manage which, the lifecycle and its
 * events, the public list with filters, paging and CSV, and for each kind of bad input the error and that
 * nothing changed.
 */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class OfferingsIntegrationTests {

    @Autowired
    MeterRegistry relayMeters;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private Http http;
    private CatalogEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        events = new CatalogEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void aDraftIsPrivateUntilPublishedThenAnnouncedWithItsDetails() {
        Http.Response created = http.send("POST", "/api/v1/offerings", TestTokens.ki("05974"), null, Offerings.body("05974", 20, 30));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("offeringId").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("organiserName").asString()).isEqualTo("KI Kreis Soest");
        assertThat(created.json().get("sessions").get(0).get("start").asString()).endsWith("T09:00:00+01:00");
        assertThat(http.get("/api/v1/offerings/" + id).status()).as("drafts are hidden from the public").isEqualTo(404);
        assertThat(http.get("/api/v1/offerings/" + id, "Authorization", TestTokens.bearer(TestTokens.ki("05974"))).status())
                .isEqualTo(200);

        Http.Response published = http.send("POST", "/api/v1/offerings/" + id + "/publication", TestTokens.ki("05974"),
                created.header("ETag"), null);

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.header("ETag")).isEqualTo("\"2\"");
        assertThat(http.get("/api/v1/offerings/" + id).json().get("freeSeats").asInt()).isEqualTo(20);
        assertThat(events.typesAbout(id)).containsExactly(CatalogEventTypes.OFFERING_PUBLISHED.name());
        OfferingPublished payload = events.payloads(id, CatalogEventTypes.OFFERING_PUBLISHED).get(0);
        assertThat(payload.offering().organiserSite().value()).isEqualTo("05974");
        assertThat(payload.offering().capacity()).isEqualTo(20);
        assertThat(payload.offering().sessions()).hasSize(2);
    }

    @Test
    void aKiManagesOnlyItsOwnSitesOfferingsAndTheLakiManagesAll() {
        assertThat(http.send("POST", "/api/v1/offerings", TestTokens.ki("05974"), null, Offerings.body("05966", 20, 30)).status())
                .as("another site's offering with a ki token").isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/offerings", TestTokens.ki("05974"), null, Offerings.body(null, 20, 30)).status())
                .as("the LaKI's offering with a ki token").isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/offerings", TestTokens.viewer(), null, Offerings.body(null, 20, 30)).status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/offerings", null, null, Offerings.body(null, 20, 30)).status()).isEqualTo(401);
        String lakis = new Offerings(http).published(10);

        Http.Response byKi = http.send("POST", "/api/v1/offerings/" + lakis + "/cancellation", TestTokens.ki("05974"), "\"2\"", null);
        Http.Response byLaki = http.send("POST", "/api/v1/offerings/" + lakis + "/cancellation", TestTokens.laki(), "\"2\"", null);

        assertThat(byKi.status()).isEqualTo(403);
        assertThat(byLaki.status()).isEqualTo(200);
        assertThat(byLaki.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(events.typesAbout(lakis)).containsExactly(CatalogEventTypes.OFFERING_PUBLISHED.name(),
                CatalogEventTypes.OFFERING_CANCELLED.name());
    }

    @Test
    void changesNeedTheCurrentETagAndAPublishedOfferingAnnouncesThem() {
        String id = new Offerings(http).published(10);
        String changed = Offerings.body(null, 12, 30).replace("Sprachsensibler Fachunterricht", "Sprachbildung im Fach");

        assertThat(http.send("PUT", "/api/v1/offerings/" + id, TestTokens.laki(), null, changed).status()).isEqualTo(428);
        Http.Response stale = http.send("PUT", "/api/v1/offerings/" + id, TestTokens.laki(), "\"1\"", changed);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        Http.Response ok = http.send("PUT", "/api/v1/offerings/" + id, TestTokens.laki(), "\"2\"", changed);

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("title").asString()).isEqualTo("Sprachbildung im Fach");
        assertThat(ok.json().get("freeSeats").asInt()).isEqualTo(12);
        assertThat(events.payloads(id, CatalogEventTypes.OFFERING_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.offering().title()).isEqualTo("Sprachbildung im Fach"));
    }

    @Test
    void badInputIs400WithThePointerAndStoresNothing() {
        long before = mongo.getCollection("offerings").countDocuments();
        String backwards = Offerings.body(null, 10, 30).replaceFirst("T16:00", "T08:00");
        String noCapacity = Offerings.body(null, 0, 30);
        String unknownType = Offerings.body(null, 10, 30).replace("FORTBILDUNG", "KAFFEEKRANZ");
        String badTime = Offerings.body(null, 10, 30).replaceFirst("T09:00", "T9 Uhr");

        Http.Response endsBeforeStart = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null, backwards);
        Http.Response zero = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null, noCapacity);
        Http.Response type = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null, unknownType);
        Http.Response time = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null, badTime);

        assertThat(endsBeforeStart.status()).isEqualTo(400);
        assertThat(endsBeforeStart.header("Content-Type")).startsWith("application/problem+json");
        assertThat(endsBeforeStart.errorPointers()).containsExactly("/sessions/0/end");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorPointers()).containsExactly("/capacity");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.errorDetails()).contains("FORTBILDUNG, NETZWERKTREFFEN");
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.errorPointers()).containsExactly("/sessions/0/start");
        assertThat(mongo.getCollection("offerings").countDocuments()).isEqualTo(before);
    }

    @Test
    void capacityBelowTheConfirmedCountAndChangesToFinalOfferingsAreConflicts() {
        String id = new Offerings(http).published(10);
        mongo.getCollection("offerings").updateOne(new org.bson.Document("_id", id), new org.bson.Document("$set",
                new org.bson.Document("seatHolders", List.of("a", "b", "c")).append("freeSeats", 7)));

        Http.Response tooSmall = http.send("PUT", "/api/v1/offerings/" + id, TestTokens.laki(), "\"2\"", Offerings.body(null, 2, 30));
        assertThat(tooSmall.status()).isEqualTo(409);
        assertThat(tooSmall.json().get("detail").asString()).contains("3 registrations are confirmed");
        assertThat(http.get("/api/v1/offerings/" + id).json().get("capacity").asInt()).isEqualTo(10);

        assertThat(http.send("POST", "/api/v1/offerings/" + id + "/completion", TestTokens.laki(), "\"2\"", null).status()).isEqualTo(200);
        Http.Response late = http.send("PUT", "/api/v1/offerings/" + id, TestTokens.laki(), "\"3\"", Offerings.body(null, 20, 30));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("completed offering cannot be changed");
    }

    @Test
    void thePublicListFiltersPagesAndExportsCsv() {
        Offerings offerings = new Offerings(http);
        String soest = offerings.published("05974", 5);
        offerings.published("05974", 1);
        offerings.published("05974", 3);

        Http.Response page = http.get("/api/v1/offerings?organiserSite=05974&size=2&page=1");
        Http.Response csv = http.get("/api/v1/offerings?organiserSite=05974&focusArea=SCHULE_SPRACHBILDUNG", "Accept", "text/csv");
        Http.Response bad = http.get("/api/v1/offerings?focusArea=TANZEN&organiserSite=123");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(2);
        assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("Link")).contains("rel=\"next\"");
        assertThat(csv.bytes()[0]).isEqualTo((byte) 0xEF);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("\uFEFFAngebot;Status;Art;KI;Veranstalter");
        assertThat(text).contains(soest + ";PUBLISHED;FORTBILDUNG;05974;KI Kreis Soest");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorPointers()).containsExactlyInAnyOrder("/focusArea", "/organiserSite");
        assertThat(http.get("/api/v1/schemas/catalog-registration-confirmed.v1.json").body()).contains("never personal data");
    }

    @Test
    void theRelayBacklogOfCatalogEventsIsAGaugeThatFallsToZeroOnceEverythingIsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                relayMeters.get(RelayBacklog.METER).tag("relay", "catalog-events").gauge().value()).isZero());
    }
}
