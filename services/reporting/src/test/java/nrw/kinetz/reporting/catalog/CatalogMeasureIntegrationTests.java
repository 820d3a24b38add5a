package nrw.kinetz.reporting.catalog;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.AttendanceRecorded;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingCancelled;
import nrw.kinetz.model.catalog.OfferingDetails;
import nrw.kinetz.model.catalog.OfferingPublished;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingType;
import nrw.kinetz.model.catalog.RegistrationCancelled;
import nrw.kinetz.model.catalog.RegistrationConfirmed;
import nrw.kinetz.model.catalog.RegistrationPromoted;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.catalog.RegistrationWaitlisted;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings;

/**
 * {@code measure=catalog} through the real broker and store: the catalog's events as event-catalog publishes
 * them, counted per offering type, site and month, with people counts of 1 to 4 withheld from the public, and
 * redelivered records counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class CatalogMeasureIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SiteId SOEST = SiteId.of("05974");

    @Autowired
    EventPublisher publisher;

    @Autowired
    MongoOperations mongo;

    @Value("${local.server.port}")
    int port;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    private ReportingHttp http;

    @BeforeEach
    void startFromAnEmptyReadModel(TestInfrastructure infrastructure) {
        http = new ReportingHttp(port);
        ListenerCatchUp.await(infrastructure.kafkaBootstrapServers(), groupId, Topics.CATALOG, WAIT);
        mongo.remove(new Query(), MongoCatalogOfferings.COLLECTION);
    }

    @Test
    void offeringsSeatsRegistrationsAndAttendanceAreCountedByTypeWithSmallPeopleCountsWithheld() {
        String training = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(published(training, SOEST, OfferingType.FORTBILDUNG, 20, 2));
        events.add(published(meeting, null, OfferingType.NETZWERKTREFFEN, 50, 1));
        events.add(published(cancelled, SOEST, OfferingType.FORTBILDUNG, 10, 1));
        events.add(event(CatalogEventTypes.OFFERING_CANCELLED, cancelled, new OfferingCancelled(cancelled, SOEST)));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String registration = UUID.randomUUID().toString();
            people.add(registration);
            events.add(event(CatalogEventTypes.REGISTRATION_CONFIRMED, training,
                    new RegistrationConfirmed(registration, training, SOEST, RegistrationStatus.CONFIRMED)));
        }
        String waiting = UUID.randomUUID().toString();
        events.add(event(CatalogEventTypes.REGISTRATION_WAITLISTED, training,
                new RegistrationWaitlisted(waiting, training, SOEST, RegistrationStatus.WAITLISTED)));
        events.add(event(CatalogEventTypes.REGISTRATION_CANCELLED, training,
                new RegistrationCancelled(people.get(0), training, SOEST, RegistrationStatus.CANCELLED)));
        events.add(event(CatalogEventTypes.REGISTRATION_PROMOTED, training,
                new RegistrationPromoted(waiting, training, SOEST, RegistrationStatus.CONFIRMED)));
        EventEnvelope<?> checkIn = event(CatalogEventTypes.ATTENDANCE_RECORDED, training,
                new AttendanceRecorded(people.get(1), training, SOEST, 1));
        events.add(checkIn);
        events.add(checkIn);
        for (int i = 1; i < 6; i++) {
            events.add(event(CatalogEventTypes.ATTENDANCE_RECORDED, training,
                    new AttendanceRecorded(people.get(i), training, SOEST, 2)));
        }
        events.add(event(CatalogEventTypes.REGISTRATION_CONFIRMED, meeting,
                new RegistrationConfirmed(UUID.randomUUID().toString(), meeting, null, RegistrationStatus.CONFIRMED)));
        publishInOrder(events);

        await().atMost(WAIT).untilAsserted(() -> assertThat(json(http.get("/api/v1/aggregates?measure=catalog&groupBy=offeringType",
                TestTokens.laki())).at("/total/sessionPlaces").asInt()).isEqualTo(7 * 2 + 1));
        var exact = json(http.get("/api/v1/aggregates?measure=catalog&groupBy=offeringType", TestTokens.laki()));
        var fortbildung = exact.get("rows").get(0);
        assertThat(fortbildung.get("key").asString()).isEqualTo("FORTBILDUNG");
        assertThat(fortbildung.at("/values/offerings").asInt()).as("the cancelled one does not count").isEqualTo(1);
        assertThat(fortbildung.at("/values/seats").asInt()).isEqualTo(20);
        assertThat(fortbildung.at("/values/confirmed").asInt()).isEqualTo(7);
        assertThat(fortbildung.at("/values/waitlisted").asInt()).isZero();
        assertThat(fortbildung.at("/values/attended").asInt()).as("a check-in delivered twice counts once").isEqualTo(6);
        assertThat(fortbildung.at("/values/sessionPlaces").asInt()).isEqualTo(14);
        assertThat(exact.at("/total/offerings").asInt()).isEqualTo(2);

        var bySite = json(http.get("/api/v1/aggregates?measure=catalog&groupBy=site"));
        assertThat(bySite.get("rows").get(0).get("key").asString()).isEqualTo("05974");
        assertThat(bySite.get("rows").get(1).get("key").asString()).isEqualTo("laki");
        assertThat(bySite.get("rows").get(1).at("/values/confirmed/suppressed").asBoolean())
                .as("one confirmed person is withheld from the public").isTrue();
        assertThat(bySite.get("rows").get(1).at("/values/offerings").asInt()).isEqualTo(1);
        assertThat(bySite.get("rows").get(0).at("/values/confirmed").asInt()).as("7 confirmed: the band 5 to 9").isEqualTo(5);
        assertThat(bySite.get("rows").get(0).at("/values/sessionPlaces/suppressed").asBoolean())
                .as("14 session places: confirmed times the catalog's public sessions, so never a number").isTrue();

        var csv = http.get("/api/v1/aggregates?measure=catalog&groupBy=site", "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Veranstaltungen").contains("Bestätigte Anmeldungen").contains(";.");
    }

    @Test
    void everyChangedOfferingReachesTheFeedAndLakiAggregatesWithSmallPeopleCountsWithheldFromThePublic(
            TestInfrastructure infrastructure) {
        String start = http.feedEnd();
        String meeting = UUID.randomUUID().toString();
        publishInOrder(List.of(published(meeting, null, OfferingType.NETZWERKTREFFEN, 30, 1),
                event(CatalogEventTypes.REGISTRATION_CONFIRMED, meeting,
                        new RegistrationConfirmed(UUID.randomUUID().toString(), meeting, null, RegistrationStatus.CONFIRMED))));
        String key = "catalog/" + meeting;

        await().atMost(WAIT).untilAsserted(() -> assertThat(latest(start, key, TestTokens.laki()).at("/values/confirmed").asInt())
                .isEqualTo(1));
        var exact = latest(start, key, TestTokens.laki());
        assertThat(exact.get("measure").asString()).isEqualTo("catalog");
        assertThat(exact.get("period").asString()).isEqualTo("2027-03");
        assertThat(exact.at("/dimensions/offeringType").asString()).isEqualTo("NETZWERKTREFFEN");
        assertThat(exact.get("dimensions").has("site")).as("the LaKI's own offering has no site").isFalse();
        assertThat(exact.at("/values/seats").asInt()).isEqualTo(30);
        assertThat(latest(start, key, null).at("/values/confirmed/suppressed").asBoolean()).isTrue();
        List<ConsumerRecord<String, byte[]>> onTopic = TopicReader.read(infrastructure.kafkaBootstrapServers(),
                Topics.AGGREGATES, r -> key.equals(r.key()), 1, WAIT);
        assertThat(onTopic).as("the offering's aggregate on " + Topics.AGGREGATES).isNotEmpty();
    }

    /** The newest feed entry about {@code key} after {@code start}, as the caller with {@code token} sees it. */
    private JsonNode latest(String start, String key, String token) {
        JsonNode found = null;
        String cursor = start;
        while (true) {
            JsonNode page = json(token == null ? http.get("/api/v1/feed?limit=1000&after=" + cursor)
                    : http.get("/api/v1/feed?limit=1000&after=" + cursor, token));
            if (page.get("changes").isEmpty()) {
                return found == null ? json("{}") : found;
            }
            for (JsonNode change : page.get("changes")) {
                if (key.equals(change.get("key").asString())) {
                    found = change;
                }
            }
            cursor = page.get("next").asString();
        }
    }

    private EventEnvelope<OfferingPublished> published(String id, SiteId site, OfferingType type, int capacity, int sessions) {
        OffsetDateTime start = OffsetDateTime.of(2027, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(1));
        List<OfferingSession> dates = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            dates.add(new OfferingSession(start.plusDays(i), start.plusDays(i).plusHours(6)));
        }
        return event(CatalogEventTypes.OFFERING_PUBLISHED, id, new OfferingPublished(new OfferingDetails(id, site, type,
                FocusArea.SCHULE_SPRACHBILDUNG, "Titel", capacity, dates, start.minusDays(3))));
    }

    private static <T> EventEnvelope<T> event(EventType<T> type, String offeringId, T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/services/event-catalog"), type,
                OffsetDateTime.now(ZoneOffset.UTC), offeringId, payload);
    }

    /** One after the other, as the catalog's relay sends one offering's events. */
    private void publishInOrder(List<EventEnvelope<?>> events) {
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (EventEnvelope<?> event : events) {
            chain = chain.thenCompose(ignored -> publisher.publish(event));
        }
        chain.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }
}
