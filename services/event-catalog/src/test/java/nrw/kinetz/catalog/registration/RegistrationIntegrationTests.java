package nrw.kinetz.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import jakarta.mail.internet.MimeMessage;
import nrw.kinetz.catalog.CatalogEvents;
import nrw.kinetz.catalog.CatalogIntegrationTest;
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.catalog.Mails;
import nrw.kinetz.catalog.Offerings;
import nrw.kinetz.catalog.TestMailServer;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Registration through real HTTP, the real store, broker and SMTP server: double opt-in by the link in the mail,
 * one registration per address, the waiting list and promotion, cancellation, attendance, erasure, and for each
 * kind of bad input the answer and that nothing changed.
 */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class RegistrationIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LinkSigner links;

    private Http http;
    private Offerings offerings;
    private CatalogEvents events;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        offerings = new Offerings(http);
        events = new CatalogEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void aRegistrationHoldsASeatOnlyOnceThePersonOpenedTheLinkFromTheMail() {
        String offering = offerings.published(5);
        String email = unique("anna");

        Http.Response registered = register(offering, "Anna Beispiel", email);
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        assertThat(registered.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(registered.body()).doesNotContain(email).doesNotContain("Anna");
        String id = registered.json().get("registrationId").asString();
        MimeMessage request = Mails.await(email, "CONFIRM_REQUEST");
        assertThat(Mails.text(request)).contains("Guten Tag Anna Beispiel").contains("innerhalb von 24 Stunden");
        assertThat(freeSeats(offering)).as("unconfirmed registrations hold no seat").isEqualTo(5);

        Http.Response confirmed = http.send("POST", "/api/v1/registrations/" + id + "/confirmation", null, null,
                "{\"token\":\"" + Mails.token(request, "bestaetigen") + "\"}");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(freeSeats(offering)).isEqualTo(4);
        MimeMessage confirmation = Mails.await(email, "CONFIRMED");
        assertThat(Mails.calendar(confirmation)).as("the confirmation carries the dates as .ics").isPresent();
        assertThat(Mails.text(confirmation)).contains("/abmelden?t=");
        assertThat(confirm(id).json().get("status").asString()).as("confirming again changes nothing").isEqualTo("CONFIRMED");
        assertThat(freeSeats(offering)).isEqualTo(4);
        assertThat(events.typesAbout(offering)).containsExactly(CatalogEventTypes.OFFERING_PUBLISHED.name(),
                CatalogEventTypes.REGISTRATION_CONFIRMED.name());
    }

    @Test
    void aSecondRegistrationWithTheSameAddressReturnsTheFirst() {
        String offering = offerings.published(5);
        String email = unique("bert");

        Http.Response first = register(offering, "Bert", email);
        Http.Response second = register(offering, "Bert B.", email.toUpperCase());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("registrationId").asString()).isEqualTo(first.json().get("registrationId").asString());
        assertThat(mongo.getCollection("registrations").countDocuments(new Document("offeringId", offering))).isEqualTo(1);
    }

    @Test
    void whenEverySeatIsTakenTheNextIsWaitlistedAndPromotedWithAMailWhenASeatFrees() {
        String offering = offerings.published(1);
        String first = register(offering, "Erste", unique("erste")).json().get("registrationId").asString();
        String secondMail = unique("zweite");
        String second = register(offering, "Zweite", secondMail).json().get("registrationId").asString();
        confirm(first);

        Http.Response waitlisted = confirm(second);
        assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(waitlisted.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(Mails.text(Mails.await(secondMail, "WAITLISTED"))).contains("Warteliste an Position 1");

        Http.Response cancelled = http.send("POST", "/api/v1/registrations/" + first + "/cancellation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CANCEL, first) + "\"}");

        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(freeSeats(offering)).isZero();
        MimeMessage promoted = Mails.await(secondMail, "PROMOTED");
        assertThat(Mails.calendar(promoted)).isPresent();
        assertThat(status(second)).isEqualTo("CONFIRMED");
        assertThat(events.typesAbout(offering)).containsExactly(CatalogEventTypes.OFFERING_PUBLISHED.name(),
                CatalogEventTypes.REGISTRATION_CONFIRMED.name(), CatalogEventTypes.REGISTRATION_WAITLISTED.name(),
                CatalogEventTypes.REGISTRATION_CANCELLED.name(), CatalogEventTypes.REGISTRATION_PROMOTED.name());
    }

    @Test
    void registeringAfterTheDeadlineOrForACancelledOrCompletedOfferingIsAConflictWithTheReason() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1);
        Http.Response late = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null,
                Offerings.body(null, 5, 30).replace("\"capacity\"", "\"registrationDeadline\":\"" + yesterday + "T12:00\",\"capacity\""));
        String lateId = late.json().get("offeringId").asString();
        http.send("POST", "/api/v1/offerings/" + lateId + "/publication", TestTokens.laki(), "\"1\"", null);
        String cancelled = offerings.published(5);
        http.send("POST", "/api/v1/offerings/" + cancelled + "/cancellation", TestTokens.laki(), "\"2\"", null);
        String completed = offerings.published(5);
        http.send("POST", "/api/v1/offerings/" + completed + "/completion", TestTokens.laki(), "\"2\"", null);

        Http.Response afterDeadline = register(lateId, "Spät", unique("spaet"));
        Http.Response forCancelled = register(cancelled, "Abgesagt", unique("abgesagt"));
        Http.Response forCompleted = register(completed, "Vorbei", unique("vorbei"));

        assertThat(afterDeadline.status()).isEqualTo(409);
        assertThat(afterDeadline.json().get("detail").asString()).contains("registration deadline");
        assertThat(forCancelled.status()).isEqualTo(409);
        assertThat(forCancelled.json().get("detail").asString()).contains("cancelled");
        assertThat(forCompleted.status()).isEqualTo(409);
        assertThat(forCompleted.json().get("detail").asString()).contains("completed");
        assertThat(mongo.getCollection("registrations").countDocuments(
                new Document("offeringId", new Document("$in", List.of(lateId, cancelled, completed))))).isZero();
    }

    @Test
    void aMalformedAddressIs400AndStoresNothing() {
        String offering = offerings.published(5);

        Http.Response noDomain = register(offering, "Kaputt", "kaputt@localhost");
        Http.Response noAt = register(offering, "Kaputt", "kaputt.example.org");
        Http.Response noName = register(offering, " ", unique("ohne-name"));

        assertThat(noDomain.status()).isEqualTo(400);
        assertThat(noDomain.errorPointers()).contains("/email");
        assertThat(noAt.status()).isEqualTo(400);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.errorPointers()).containsExactly("/name");
        assertThat(mongo.getCollection("registrations").countDocuments(new Document("offeringId", offering))).isZero();
    }

    @Test
    void aForgedOrExpiredConfirmationLinkIsRefusedAndChangesNothing() {
        String offering = offerings.published(5);
        String id = register(offering, "Fälscher", unique("faelscher")).json().get("registrationId").asString();
        String stale = register(offering, "Zu spät", unique("zuspaet")).json().get("registrationId").asString();
        mongo.getCollection("registrations").updateOne(new Document("_id", stale), new Document("$set",
                new Document("registeredAt", Instant.now().minus(Duration.ofHours(25)).toString())));

        Http.Response forged = http.send("POST", "/api/v1/registrations/" + id + "/confirmation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CANCEL, id) + "\"}");
        Http.Response otherId = http.send("POST", "/api/v1/registrations/" + id + "/confirmation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CONFIRM, stale) + "\"}");
        Http.Response expired = confirm(stale);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(otherId.status()).isEqualTo(403);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("detail").asString()).contains("expired");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(freeSeats(offering)).isEqualTo(5);
    }

    @Test
    void neverConfirmedRegistrationsExpireAndLoseTheirPersonalData() {
        String offering = offerings.published(5);
        String email = unique("vergessen");
        String id = register(offering, "Vergessen", email).json().get("registrationId").asString();
        mongo.getCollection("registrations").updateOne(new Document("_id", id), new Document("$set",
                new Document("registeredAt", Instant.now().minus(Duration.ofHours(25)).toString())));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(status(id)));

        Document stored = mongo.getCollection("registrations").find(new Document("_id", id)).first();
        assertThat(stored.getString("email")).isNull();
        assertThat(stored.getString("name")).isNull();
        assertThat(register(offering, "Vergessen", email).status()).as("the address may register again").isEqualTo(202);
    }

    @Test
    void whenTheSmtpServerIsDownTheRegistrationIsKeptAndTheMailSentOnceItIsBack() {
        String offering = offerings.published(5);
        String email = unique("geduld");
        TestMailServer.stop();
        String id;
        try {
            Http.Response registered = register(offering, "Geduld", email);
            assertThat(registered.status()).isEqualTo(202);
            id = registered.json().get("registrationId").asString();
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> true);
            Document stored = mongo.getCollection("registrations").find(new Document("_id", id)).first();
            assertThat(stored.getList("mails", Document.class)).as("the mail waits in the outbox").hasSize(1);
        } finally {
            TestMailServer.restart();
        }

        MimeMessage mail = Mails.await(email, "CONFIRM_REQUEST");

        assertThat(Mails.token(mail, "bestaetigen")).isEqualTo(links.sign(Purpose.CONFIRM, id));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("registrations")
                .find(new Document("_id", id)).first().getList("mails", Document.class).isEmpty());
    }

    @Test
    void attendanceIsRecordedPerSessionOnceAndGivesTheRate() {
        String offering = offerings.published(5);
        String anna = register(offering, "Anna", unique("anna")).json().get("registrationId").asString();
        String bert = register(offering, "Bert", unique("bert")).json().get("registrationId").asString();
        String pending = register(offering, "Carla", unique("carla")).json().get("registrationId").asString();
        confirm(anna);
        confirm(bert);
        String path = "/api/v1/offerings/" + offering + "/registrations/";

        Http.Response first = http.send("PUT", path + anna + "/attendance/1", TestTokens.laki(), null, null);
        Http.Response twice = http.send("PUT", path + anna + "/attendance/1", TestTokens.laki(), null, null);
        http.send("PUT", path + anna + "/attendance/2", TestTokens.laki(), null, null);
        http.send("PUT", path + bert + "/attendance/1", TestTokens.laki(), null, null);
        Http.Response unconfirmed = http.send("PUT", path + pending + "/attendance/1", TestTokens.laki(), null, null);
        Http.Response noSuchSession = http.send("PUT", path + bert + "/attendance/3", TestTokens.laki(), null, null);
        Http.Response stranger = http.send("PUT", path + bert + "/attendance/2", TestTokens.ki("05974"), null, null);

        assertThat(first.json().get("recorded").asBoolean()).isTrue();
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.json().get("recorded").asBoolean()).isFalse();
        assertThat(unconfirmed.status()).isEqualTo(409);
        assertThat(noSuchSession.status()).isEqualTo(400);
        assertThat(stranger.status()).isEqualTo(403);
        Http.Response attendance = http.get("/api/v1/offerings/" + offering + "/attendance", "Authorization",
                TestTokens.bearer(TestTokens.laki()));
        assertThat(attendance.json().get("confirmed").asInt()).isEqualTo(2);
        assertThat(attendance.json().get("attendanceRate").asString()).isEqualTo("0.75");
        assertThat(events.typesAbout(offering).stream().filter(CatalogEventTypes.ATTENDANCE_RECORDED.name()::equals)).hasSize(3);
        assertThat(http.get("/api/v1/offerings/" + offering + "/attendance").status()).as("not public").isEqualTo(401);
    }

    @Test
    void erasureRemovesNameAddressAndOrganisationWhileTheCountsStay() {
        String offering = offerings.published(5);
        String email = unique("loeschen");
        String id = register(offering, "Lösch Mich", email).json().get("registrationId").asString();
        confirm(id);

        Http.Response erased = http.send("DELETE", "/api/v1/offerings/" + offering + "/registrations/" + id + "/personal-data",
                TestTokens.laki(), null, null);

        assertThat(erased.status()).isEqualTo(204);
        Http.Response list = http.get("/api/v1/offerings/" + offering + "/registrations", "Authorization",
                TestTokens.bearer(TestTokens.laki()));
        assertThat(list.body()).doesNotContain(email).doesNotContain("Lösch");
        assertThat(list.json().get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(list.json().get(0).get("erased").asBoolean()).isTrue();
        assertThat(freeSeats(offering)).isEqualTo(4);
    }

    @Test
    void personalDataOfCompletedOfferingsIsErasedAfterTheRetentionPeriod() {
        String offering = offerings.published(5);
        String id = register(offering, "Alt", unique("alt")).json().get("registrationId").asString();
        confirm(id);
        http.send("POST", "/api/v1/offerings/" + offering + "/completion", TestTokens.laki(), "\"2\"", null);
        mongo.getCollection("offerings").updateOne(new Document("_id", offering), new Document("$set",
                new Document("lastEnd", Instant.now().minus(Duration.ofDays(181)).toString())));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("registrations")
                .find(new Document("_id", id)).first().getBoolean("erased"));

        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void aConfirmationCutShortAfterTheSeatWasTakenIsFinishedWithItsMail() {
        String offering = offerings.published(5);
        String email = unique("unterbrochen");
        String id = register(offering, "Unterbrochen", email).json().get("registrationId").asString();
        // What a crash between the two writes leaves: the seat is taken on the offering, the registration still pending.
        mongo.getCollection("offerings").updateOne(new Document("_id", offering), new Document("$push",
                new Document("seatHolders", id)).append("$inc", new Document("freeSeats", -1)));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(id)));

        assertThat(Mails.await(email, "CONFIRMED")).isNotNull();
        assertThat(freeSeats(offering)).isEqualTo(4);
    }

    @Test
    void aLargerCapacityMovesTheFirstOnTheWaitingListUpWithAMail() {
        String offering = offerings.published(1);
        confirm(register(offering, "Erste", unique("erste")).json().get("registrationId").asString());
        String waitingMail = unique("wartend");
        String waiting = register(offering, "Wartend", waitingMail).json().get("registrationId").asString();
        assertThat(confirm(waiting).json().get("status").asString()).isEqualTo("WAITLISTED");

        Http.Response larger = http.send("PUT", "/api/v1/offerings/" + offering, TestTokens.laki(), "\"2\"",
                Offerings.body(null, 2, 30));

        assertThat(larger.status()).as(larger.body()).isEqualTo(200);
        assertThat(larger.json().get("freeSeats").asInt()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(waiting)));
        assertThat(Mails.await(waitingMail, "PROMOTED")).isNotNull();
        assertThat(events.typesAbout(offering)).contains(CatalogEventTypes.REGISTRATION_PROMOTED.name());
    }

    private Http.Response register(String offering, String name, String email) {
        return http.send("POST", "/api/v1/offerings/" + offering + "/registrations", null, null,
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"organisation\":\"Grundschule am Park\"}");
    }

    private Http.Response confirm(String registrationId) {
        return http.send("POST", "/api/v1/registrations/" + registrationId + "/confirmation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CONFIRM, registrationId) + "\"}");
    }

    private int freeSeats(String offering) {
        return http.get("/api/v1/offerings/" + offering).json().get("freeSeats").asInt();
    }

    private String status(String registrationId) {
        return mongo.getCollection("registrations").find(new Document("_id", registrationId)).first().getString("status");
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
