package nrw.kinetz.reporting.site;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static nrw.kinetz.reporting.site.SiteEvents.VIERSEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import nrw.kinetz.reporting.aggregate.PublicAnswers;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingIntegrationTest;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import tools.jackson.databind.JsonNode;
import nrw.kinetz.reporting.site.adapter.MongoSiteViews;
import nrw.kinetz.reporting.site.adapter.SiteEventsListener;

/**
 * The sites read model through the real broker and store: events published to {@code ki.sites.v1} as the
 * site registry publishes them, answers read over HTTP. Every test starts from an empty read model, after
 * the listener has caught up with what earlier tests published.
 */
class SitesReadModelIntegrationTests extends ReportingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate ESTABLISHED_ON = LocalDate.of(2013, 6, 1);
    private static final LocalDate VIERSEN_DECIDED_ON = LocalDate.of(2016, 3, 1);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoOperations mongo;

    @Autowired
    PublicAnswers publicAnswers;

    @Autowired
    SiteViews views;

    @Autowired
    SiteEventsListener listener;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @BeforeEach
    void startFromAnEmptyReadModel() {
        caughtUp();
        mongo.remove(new Query(), MongoSiteViews.COLLECTION);
        publicAnswers.forgetAll();
    }

    @Test
    void theFiftyFourRegisteredSitesAreCountedPerRegierungsbezirk() {
        publishAll(SiteEvents.registrationsOfAllSites(SiteStatus.ESTABLISHED, ESTABLISHED_ON));

        awaitTotal(54);
        var response = http.get("/api/v1/aggregates?measure=sites&groupBy=regierungsbezirk");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(json(response)).isEqualTo(json("""
                {"measure":"sites","period":null,"groupBy":"regierungsbezirk","rows":[
                  {"key":"1","label":"Düsseldorf","values":{"sites":15,"fte":"0.00"}},
                  {"key":"3","label":"Köln","values":{"sites":12,"fte":"0.00"}},
                  {"key":"5","label":"Münster","values":{"sites":8,"fte":"0.00"}},
                  {"key":"7","label":"Detmold","values":{"sites":7,"fte":"0.00"}},
                  {"key":"9","label":"Arnsberg","values":{"sites":12,"fte":"0.00"}}],
                 "total":{"sites":54,"fte":"0.00"}}"""));
    }

    @Test
    void bySiteEachOfTheFiftyFourSitesIsOneRowWithItsName() {
        publishAll(SiteEvents.registrationsOfAllSites(SiteStatus.ESTABLISHED, ESTABLISHED_ON));
        awaitTotal(54);

        JsonNode answer = json(http.get("/api/v1/aggregates?measure=sites&groupBy=site"));

        assertThat(answer.get("rows")).hasSize(54);
        assertThat(answer.get("rows").get(0).toString()).isEqualTo("{\"key\":\"05111\",\"label\":\"Düsseldorf\",\"values\":{\"sites\":1,\"fte\":\"0.00\"}}");
        assertThat(answer.get("rows").findValuesAsString("label")).contains("Stadt Aachen", "Städteregion Aachen", "Kreis Soest");
    }

    @Test
    void aStatusChangeMovesTheSiteToAnotherStatusRow() {
        registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        assertThat(statusCounts(http.get("/api/v1/aggregates?measure=sites&groupBy=status"))).containsExactly(0, 0, 1, 53, 0);

        publishAll(List.of(SiteEvents.statusChange(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 15))));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(statusCounts(http.get("/api/v1/aggregates?measure=sites&groupBy=status"))).containsExactly(0, 0, 0, 54, 0));
        assertThat(views.find(VIERSEN).orElseThrow().statusSince()).contains(LocalDate.of(2018, 1, 15));
    }

    @Test
    void siteCountsAreExactForEveryCallerBecauseTheyCountNoPeople() {
        registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        String query = "/api/v1/aggregates?measure=sites&groupBy=status";

        assertThat(statusCounts(http.get(query))).containsExactly(0, 0, 1, 53, 0);
        assertThat(statusCounts(http.get(query, TestTokens.viewer()))).containsExactly(0, 0, 1, 53, 0);
        assertThat(statusCounts(http.get(query, TestTokens.ki("05974")))).containsExactly(0, 0, 1, 53, 0);
        assertThat(statusCounts(http.get(query, TestTokens.laki()))).containsExactly(0, 0, 1, 53, 0);
    }

    @Test
    void republishedEventsWithTheSameIdsAreCountedOnce() {
        List<EventEnvelope<SiteRegistered>> registrations = registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        var established = SiteEvents.statusChange(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 15));
        publishAll(List.of(established));
        await().atMost(WAIT).until(() -> views.find(VIERSEN).orElseThrow().revision() == 2);

        // The site registry re-publishes after a crash: the same facts with the same ce_id, at new offsets.
        List<EventEnvelope<?>> again = new ArrayList<>(registrations);
        again.add(established);
        publishAll(again);
        caughtUp();

        var response = http.get("/api/v1/aggregates?measure=sites&groupBy=status");
        assertThat(statusCounts(response)).containsExactly(0, 0, 0, 54, 0);
        assertThat(json(response).get("total").get("sites").asInt()).isEqualTo(54);
        SiteView viersen = views.find(VIERSEN).orElseThrow();
        assertThat(viersen.revision()).isEqualTo(2);
        assertThat(viersen.statusHistory()).hasSize(2);
    }

    @Test
    void aRedeliveredRecordChangesNothing() {
        List<EventEnvelope<SiteRegistered>> registrations = registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        var established = SiteEvents.statusChange(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 15));
        publishAll(List.of(established));
        await().atMost(WAIT).until(() -> views.find(VIERSEN).orElseThrow().revision() == 2);
        UUID viersenRegistration = registrations.stream().filter(e -> e.data().siteId().equals(VIERSEN)).findFirst().orElseThrow().id();

        // Kafka redelivers after a rebalance or a crash before the commit: the same record, same partition and offset.
        listener.on(recordWithId(viersenRegistration));
        listener.on(recordWithId(established.id()));

        SiteView viersen = views.find(VIERSEN).orElseThrow();
        assertThat(viersen.status()).contains(SiteStatus.ESTABLISHED);
        assertThat(viersen.revision()).isEqualTo(2);
        assertThat(statusCounts(http.get("/api/v1/aggregates?measure=sites&groupBy=status"))).containsExactly(0, 0, 0, 54, 0);
    }

    @Test
    void siteEventsThisReadModelDoesNotUseAreSkippedAndNotDeadLettered() throws Exception {
        registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        String contactId = UUID.randomUUID().toString();
        kafka.send(contactChanged(contactId)).get(10, TimeUnit.SECONDS);
        // Same key, so same partition: once this is applied, the record before it has been handled.
        publishAll(List.of(SiteEvents.statusChange(VIERSEN, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED, LocalDate.of(2018, 1, 15))));

        await().atMost(WAIT).until(() -> views.find(VIERSEN).orElseThrow().status().orElseThrow() == SiteStatus.ESTABLISHED);
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.readToEnd(bootstrapServers, Topics.deadLetter(Topics.SITES), WAIT);
        assertThat(deadLetters).noneMatch(r -> contactId.equals(CloudEventsKafka.header(r.headers(), CloudEventsKafka.ID).orElse(null)));
        assertThat(views.find(VIERSEN).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void staffingPlansAddUpToFullTimeEquivalentsPerRowAndTheCsvWritesThemWithADecimalComma() {
        registerNetworkWithViersenIn(SiteStatus.START_PHASE);
        publishAll(List.of(SiteEvents.staffingChange(VIERSEN, "5.5")));
        publishAll(List.of(SiteEvents.staffingChange(VIERSEN, "6.25")));
        await().atMost(WAIT).until(() -> views.find(VIERSEN).orElseThrow().revision() == 3);

        JsonNode bySite = json(http.get("/api/v1/aggregates?measure=sites&groupBy=site"));
        JsonNode viersen = StreamSupport.stream(bySite.get("rows").spliterator(), false)
                .filter(row -> row.get("key").asString().equals(VIERSEN.value())).findFirst().orElseThrow();
        assertThat(viersen.get("values").get("fte").asString()).isEqualTo("6.25");
        assertThat(bySite.get("total").get("fte").asString()).isEqualTo("6.25");
        String csv = http.get("/api/v1/aggregates?measure=sites&groupBy=regierungsbezirk", "Accept", "text/csv").body();
        assertThat(csv).contains("Vollzeitäquivalente").contains(";6,25");
    }

    @Test
    void withAPeriodTheNetworkIsCountedAsOfThePeriodsLastDay() {
        registerNetworkWithViersenIn(SiteStatus.DECIDED);
        publishAll(List.of(SiteEvents.statusChange(VIERSEN, SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2017, 10, 1))));
        await().atMost(WAIT).until(() -> views.find(VIERSEN).orElseThrow().revision() == 2);

        JsonNode in2013 = json(http.get("/api/v1/aggregates?measure=sites&groupBy=regierungsbezirk&period=2013"));
        JsonNode in2016 = json(http.get("/api/v1/aggregates?measure=sites&groupBy=status&period=2016"));
        JsonNode now = json(http.get("/api/v1/aggregates?measure=sites&groupBy=status"));

        assertThat(in2013.get("period").asString()).isEqualTo("2013");
        assertThat(in2013.get("total").get("sites").asInt()).isEqualTo(53);
        assertThat(in2013.get("rows").get(0).get("values").get("sites").asInt()).as("Düsseldorf without Viersen").isEqualTo(14);
        assertThat(statusCounts(in2016)).containsExactly(1, 0, 0, 53, 0);
        assertThat(statusCounts(now)).containsExactly(0, 1, 0, 53, 0);
    }

    /** Registers all 54 sites, Kreis Viersen in {@code viersenStatus} since 2016, the others established since 2013. */
    private List<EventEnvelope<SiteRegistered>> registerNetworkWithViersenIn(SiteStatus viersenStatus) {
        List<EventEnvelope<SiteRegistered>> registrations = SiteEvents.registrationsOfAllSites(SiteStatus.ESTABLISHED, ESTABLISHED_ON)
                .stream()
                .map(e -> e.data().siteId().equals(VIERSEN)
                        ? SiteEvents.envelope(SiteEvents.registration(VIERSEN, viersenStatus, VIERSEN_DECIDED_ON))
                        : e)
                .toList();
        publishAll(registrations);
        awaitTotal(54);
        return registrations;
    }

    private void publishAll(List<? extends EventEnvelope<?>> events) {
        CompletableFuture.allOf(events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private void awaitTotal(int sites) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                json(http.get("/api/v1/aggregates?measure=sites&groupBy=regierungsbezirk")).get("total").get("sites").asInt())
                .isEqualTo(sites));
    }

    private void caughtUp() {
        ListenerCatchUp.await(bootstrapServers, groupId, Topics.SITES, WAIT);
    }

    private ConsumerRecord<String, byte[]> recordWithId(UUID id) {
        List<ConsumerRecord<String, byte[]>> found = TopicReader.read(bootstrapServers, Topics.SITES,
                r -> id.toString().equals(CloudEventsKafka.header(r.headers(), CloudEventsKafka.ID).orElse(null)), 1, WAIT);
        assertThat(found).as("record %s on %s", id, Topics.SITES).hasSize(1);
        return found.get(0);
    }

    /** A site fact of a type the sites read model does not use, whether or not the contract already declares it. */
    private static ProducerRecord<String, byte[]> contactChanged(String id) {
        var record = new ProducerRecord<String, byte[]>(Topics.SITES, VIERSEN.value(),
                ("{\"siteId\":\"" + VIERSEN.value() + "\",\"email\":\"ki@kreis-viersen.de\"}").getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventsKafka.SPECVERSION, "1.0");
        header(record, CloudEventsKafka.ID, id);
        header(record, CloudEventsKafka.SOURCE, "/services/site-registry");
        header(record, CloudEventsKafka.TYPE, "nrw.ki.site.contact-changed.v1");
        header(record, CloudEventsKafka.TIME, "2026-07-01T10:00:00Z");
        header(record, CloudEventsKafka.SUBJECT, VIERSEN.value());
        header(record, CloudEventsKafka.CONTENT_TYPE, CloudEventsKafka.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code sites} values of a groupBy=status answer, in lifecycle order. */
    private static List<Integer> statusCounts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return statusCounts(json(response));
    }

    private static List<Integer> statusCounts(JsonNode answer) {
        List<Integer> counts = new ArrayList<>();
        answer.get("rows").forEach(row -> counts.add(row.get("values").get("sites").asInt()));
        return counts;
    }
}
