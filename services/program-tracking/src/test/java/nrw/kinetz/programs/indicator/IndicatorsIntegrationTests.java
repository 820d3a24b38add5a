package nrw.kinetz.programs.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.Activities;
import nrw.kinetz.programs.ProgramEvents;
import nrw.kinetz.programs.ProgramTrackingApplication;
import nrw.kinetz.programs.ProgramTrackingIntegrationTest;
import nrw.kinetz.programs.outbox.OutboxCollection;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Measures' indicators advanced by the activities on {@code ki.activities.v1} through the real broker and store:
 * idempotent under redelivery and client retries, reversed by retractions, unmatched activities kept, and a
 * rebuild from the topic gives the same numbers.
 */
@SpringBootTest(classes = ProgramTrackingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ProgramTrackingIntegrationTest.POLL, ProgramTrackingIntegrationTest.STOP,
                ProgramTrackingIntegrationTest.NO_SEED})
@WithKiNetzInfrastructure
class IndicatorsIntegrationTests {

    private static final String SITE = "05754";
    private static final LocalDate DAY = LocalDate.of(2025, 5, 12);

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ActivityProjection projection;

    private Http http;
    private Activities activities;
    private ProgramEvents events;
    private String bootstrapServers;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        bootstrapServers = infrastructure.kafkaBootstrapServers();
        http = new Http(port);
        activities = new Activities(publisher);
        events = new ProgramEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void activitiesAdvanceTheirMeasureIdempotentlyRetractionsReverseAndARebuildGivesTheSameNumbers() {
        Http.Response started = http.send("POST", "/api/v1/measures", TestTokens.ki(SITE), null,
                "{\"siteId\":\"" + SITE + "\",\"measureId\":\"KA2-2025-017\",\"program\":\"KOMM_AN_II\",\"block\":\"A\","
                        + "\"title\":\"Ankommenstreffpunkt Gütersloh-Mitte\",\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-12-31\","
                        + "\"targets\":{\"MEETING_POINT_SESSIONS\":40,\"VISITS\":600,\"VOLUNTEERS_ENGAGED\":12}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);

        ActivityReported first = activities.report(Activities.activity(SITE, Program.KOMM_AN_II, Program.Block.A,
                "KA2-2025-017", DAY, 25, 3, 2));
        ActivityReported second = activities.report(Activities.activity(SITE, Program.KOMM_AN_II, Program.Block.A,
                "KA2-2025-017", DAY.plusDays(7), 30, 4, 2));
        ActivityReported wrong = activities.report(Activities.activity(SITE, Program.KOMM_AN_II, Program.Block.A,
                "KA2-2025-017", DAY.plusDays(8), 99, 9, 9));
        // Redelivery and a client retry with the same id but other numbers change nothing.
        activities.report(first);
        activities.report(new ActivityReported(second.activityId(), second.siteId(), second.occurredOn(), second.field(),
                second.focusArea(), second.activityType(), second.program(), second.block(), second.measureId(),
                new nrw.kinetz.model.activity.ActivityMetrics(1000, 0, 0, 0), null));
        activities.retract(wrong);
        activities.retract(wrong);
        ActivityReported unmatched = activities.report(Activities.activity(SITE, Program.KOMM_AN_II, Program.Block.A,
                "KA2-2025-999", DAY, 10, 1, 1));

        Map<String, Long> expected = Map.of("KA2-2025-017/MEETING_POINT_SESSIONS", 4L, "KA2-2025-017/VISITS", 55L,
                "KA2-2025-017/VOLUNTEERS_ENGAGED", 7L, "-/MEETING_POINT_SESSIONS", 1L, "-/VISITS", 10L,
                "-/VOLUNTEERS_ENGAGED", 1L);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figures()).isEqualTo(expected));
        JsonNode row = indicators(TestTokens.laki()).get(0);
        assertThat(row.get("target").asLong()).isEqualTo(40);
        assertThat(row.get("measureTitle").asString()).isEqualTo("Ankommenstreffpunkt Gütersloh-Mitte");

        JsonNode unmatchedList = http.get("/api/v1/sites/" + SITE + "/unmatched-activities").json();
        assertThat(unmatchedList).extracting(u -> u.get("activityId").asString()).containsExactly(unmatched.activityId().toString());

        List<IndicatorProgressed> progressed = events.all(SITE, ProgramEventTypes.INDICATOR_PROGRESSED);
        assertThat(progressed).filteredOn(IndicatorProgressed::retraction).hasSize(1);
        assertThat(progressed).filteredOn(p -> !p.retraction()).hasSize(4);

        // The read model is corrupted behind the service's back; a rebuild from the topic restores the numbers.
        mongo.updateFirst(query(where("_id").is(first.activityId().toString())), new Update().set("participants", 5000),
                "contributions");
        assertThat(figures()).isNotEqualTo(expected);
        assertThat(http.send("POST", "/api/v1/admin/indicators/rebuild", TestTokens.laki(), null, null).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(figures()).isEqualTo(expected));
    }

    @Test
    void aRebuildGivesTheSameNumbersWithoutAnnouncingIndicatorProgressTwice() {
        String site = "05762";
        String query = "/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025";
        ActivityReported first = activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY, 12, 0, 2));
        ActivityReported second = activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY.plusDays(1), 8, 0, 3));
        activities.retract(second);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> progressAnnounced(site).size() == 3);
        JsonNode before = http.get(query, "Authorization", TestTokens.bearer(TestTokens.laki())).json();
        assertThat(before.findValuesAsString("indicator")).contains("FAMILIES");

        assertThat(http.send("POST", "/api/v1/admin/indicators/rebuild", TestTokens.laki(), null, null).status()).isEqualTo(202);
        // Reported after the rebuild began: the replay reaches it after the two before (one site, one partition).
        ActivityReported third = activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY.plusDays(2), 5, 0, 1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> progressAnnounced(site).size() == 4);
        events.awaitRelayed();

        List<String> activityIds = progressAnnounced(site).stream().map(p -> p.activityId() + (p.retraction() ? "-" : "+")).toList();
        assertThat(activityIds).as("each activity's progress once on ki.programs.v1, counting every record")
                .containsExactlyInAnyOrder(first.activityId() + "+", second.activityId() + "+", second.activityId() + "-",
                        third.activityId() + "+");
        JsonNode after = http.get(query, "Authorization", TestTokens.bearer(TestTokens.laki())).json();
        JsonNode families = StreamSupport.stream(after.spliterator(), false)
                .filter(row -> row.get("indicator").asString().equals("FAMILIES")).findFirst().orElseThrow();
        JsonNode familiesBefore = StreamSupport.stream(before.spliterator(), false)
                .filter(row -> row.get("indicator").asString().equals("FAMILIES")).findFirst().orElseThrow();
        assertThat(families.get("actual").asLong()).as("the same numbers, plus the activity reported since")
                .isEqualTo(familiesBefore.get("actual").asLong() + 5);
    }

    @Test
    void aPollAnnouncesOnlyTheActivitiesNoPollStoredBefore() {
        String site = "05766";
        EventEnvelope<?> a = reported(site, 1);
        EventEnvelope<?> b = reported(site, 2);
        EventEnvelope<?> c = reported(site, 3);
        // b again in another poll, as after a redelivery that regrouped the records
        projection.apply(List.of(a, b));
        projection.apply(List.of(b, c));
        events.awaitRelayed();

        String cId = ((ActivityReported) c.data()).activityId().toString();
        Document second = mongo.findOne(query(where(OutboxCollection.DOCUMENTS).is(cId)), Document.class,
                ContributionStore.ANNOUNCEMENTS);
        assertThat(second.getList(OutboxCollection.DOCUMENTS, String.class)).as("the second poll's announcement")
                .containsExactly(cId);
        List<String> mine = List.of(((ActivityReported) a.data()).activityId().toString(),
                ((ActivityReported) b.data()).activityId().toString(), cId);
        // other tests report about the same site on the same broker
        List<String> activityIds = progressAnnounced(site).stream().map(p -> p.activityId().toString())
                .filter(mine::contains).toList();
        assertThat(activityIds).as("each activity's progress once on ki.programs.v1, counting every record")
                .containsExactlyInAnyOrderElementsOf(mine);
    }

    private static EventEnvelope<?> reported(String site, int day) {
        ActivityReported activity = Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY.plusDays(day), 10, 0, 1);
        return EventEnvelope.of(UUID.randomUUID(), EventSource.site(activity.siteId()), ActivityEventTypes.REPORTED, site,
                activity);
    }

    /** Every IndicatorProgressed record about {@code site} on the topic, duplicates included (no dedup by id). */
    private List<IndicatorProgressed> progressAnnounced(String site) {
        return TopicReader.readToEnd(bootstrapServers, Topics.PROGRAMS, Duration.ofSeconds(10)).stream()
                .filter(r -> site.equals(r.key()))
                .filter(r -> ProgramEventTypes.INDICATOR_PROGRESSED.name().equals(CloudEventsKafka.typeOf(r.headers()).orElse(null)))
                .map(r -> CloudEventsKafka.fromRecord(r).dataAs(ProgramEventTypes.INDICATOR_PROGRESSED))
                .toList();
    }

    @Test
    void countsOfPeopleAreWithheldFromThePublicBeforeAndAfterAnActivityButNotFromTheSitesOwnKi() {
        String site = "05766";
        String query = "/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025";
        activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY, 16, 0, 1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> families(http.get(query, "Authorization",
                TestTokens.bearer(TestTokens.laki())).json()).asLong() == 16);
        JsonNode before = families(http.get(query).json());

        activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY, 2, 0, 1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> families(http.get(query, "Authorization",
                TestTokens.bearer(TestTokens.laki())).json()).asLong() == 18);

        assertThat(before.get("suppressed").asBoolean()).as("16 before").isTrue();
        assertThat(families(http.get(query).json()).get("suppressed").asBoolean()).as("18 after: no difference to take").isTrue();
        assertThat(families(http.get(query, "Authorization", TestTokens.bearer(TestTokens.viewer())).json())
                .get("suppressed").asBoolean()).isTrue();
        assertThat(families(http.get(query, "Authorization", TestTokens.bearer(TestTokens.ki("05974"))).json())
                .get("suppressed").asBoolean()).as("another site's KI").isTrue();
        assertThat(families(http.get(query, "Authorization", TestTokens.bearer(TestTokens.ki(site))).json()).asLong())
                .as("the site's own KI").isEqualTo(18);
    }

    private static JsonNode families(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).filter(row -> row.get("indicator").asString().equals("FAMILIES"))
                .findFirst().map(row -> row.get("actual")).orElseThrow();
    }

    @Test
    void countsOfPeopleFromOneToFourAreSuppressedOutsideTheLakiRole() {
        String site = "05758";
        activities.report(Activities.activity(site, Program.RUCKSACK_KITA, null, null, DAY, 3, 0, 5));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025").json().size() == 3);

        JsonNode anonymous = http.get("/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025").json();
        assertThat(anonymous.get(1).get("indicator").asString()).isEqualTo("FAMILIES");
        assertThat(anonymous.get(1).get("actual").get("suppressed").asBoolean()).isTrue();
        assertThat(anonymous.get(2).get("actual").asLong()).isEqualTo(5);
        JsonNode laki = http.get("/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025", "Authorization",
                TestTokens.bearer(TestTokens.laki())).json();
        assertThat(laki.get(1).get("actual").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/indicators?site=" + site + "&program=RUCKSACK_KITA&year=2025", "Accept", "text/csv").body())
                .contains(";FAMILIES;.;");
    }

    @Test
    void aMeasureWithATargetTheProgramDoesNotReportOrABlockItDoesNotHaveIsRefused() {
        Http.Response badTarget = http.send("POST", "/api/v1/measures", TestTokens.ki(SITE), null,
                "{\"siteId\":\"" + SITE + "\",\"measureId\":\"KIM-1\",\"program\":\"KIM\",\"title\":\"Case Management\","
                        + "\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-12-31\",\"targets\":{\"VISITS\":10}}");
        assertThat(badTarget.status()).isEqualTo(400);
        assertThat(badTarget.errorPointers()).contains("/targets/VISITS");
        Http.Response badBlock = http.send("POST", "/api/v1/measures", TestTokens.ki(SITE), null,
                "{\"siteId\":\"" + SITE + "\",\"measureId\":\"KIM-2\",\"program\":\"KIM\",\"block\":\"A\",\"title\":\"x\","
                        + "\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-12-31\"}");
        assertThat(badBlock.status()).isEqualTo(400);
        assertThat(http.send("POST", "/api/v1/measures", TestTokens.ki("05974"), null,
                "{\"siteId\":\"" + SITE + "\",\"measureId\":\"KIM-3\",\"program\":\"KIM\",\"title\":\"x\","
                        + "\"startsOn\":\"2025-01-01\",\"endsOn\":\"2025-12-31\"}").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/measures?site=" + SITE + "&program=KIM").json()).isEmpty();
    }

    private JsonNode indicators(String token) {
        return http.get("/api/v1/indicators?site=" + SITE + "&program=KOMM_AN_II&year=2025", "Authorization",
                TestTokens.bearer(token)).json();
    }

    private Map<String, Long> figures() {
        Map<String, Long> figures = new java.util.TreeMap<>();
        indicators(TestTokens.laki()).forEach(row -> figures.put((row.get("measureId").isNull() ? "-"
                : row.get("measureId").asString()) + "/" + row.get("indicator").asString(), row.get("actual").asLong()));
        return figures;
    }
}
