package nrw.kinetz.reporting;

import static nrw.kinetz.reporting.ActivityEvents.envelope;
import static nrw.kinetz.reporting.ActivityEvents.report;
import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.activity.adapter.MongoActivityStore;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.reporting.live.SseClient;
import nrw.kinetz.testkit.ServiceInstances;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Two reporting instances in one consumer group on one broker and one store, as a scaled-out deployment runs
 * them (docs/operations.md#scale-out): they share the partitions and together count what one would count, a
 * live client of either sees every change, a feed cursor of one is valid on the other, and a rebuild started on
 * either switches both to the new generation. Every test uses a
 * year of its own, so their aggregates do not meet.
 */
@WithKiNetzInfrastructure
class TwoInstancesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Twelve KIs, whose site ids as keys fall into every partition of the topic. */
    private static final List<String> SITES = KiSites.all().stream().limit(12).map(site -> site.siteId().value()).toList();

    private static ServiceInstances instances;
    private static List<ReportingHttp> http;
    private static EventPublisher publisher;
    private static Admin admin;

    @BeforeAll
    static void startTwoInstances() {
        instances = ServiceInstances.start(ReportingApplication.class, 2);
        http = List.of(new ReportingHttp(instances.port(0)), new ReportingHttp(instances.port(1)));
        publisher = instances.bean(0, EventPublisher.class);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void theTwoInstancesSharePartitionsAndTogetherCountExactlyWhatWasReported() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(assignments(activitiesGroup()))
                .as("both instances consume a share of the partitions").hasSize(2)
                .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty()));

        Map<String, int[]> expected = new TreeMap<>();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < SITES.size(); i++) {
            String site = SITES.get(i);
            for (int n = 1; n <= 3; n++) {
                ActivityReported reported = report(site, LocalDate.of(2001, n, 10 + i), 5 * n + i, n);
                events.add(envelope(reported));
                if (n == 2) {
                    events.add(envelope(reported)); // delivered twice, counted once
                }
                expected.computeIfAbsent(site, s -> new int[2]);
                expected.get(site)[0]++;
                expected.get(site)[1] += 5 * n + i;
            }
        }
        ActivityEvents.publishAll(publisher, events);

        for (ReportingHttp instance : http) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(countsBySite(instance, "2001")).isEqualTo(asText(expected)));
        }
    }

    @Test
    void aLiveClientOfEitherInstanceSeesEveryChangeWhicheverInstanceConsumedItsRecord() {
        try (SseClient first = SseClient.connect(instances.port(0), "/api/v1/live?period=2002", "Authorization", TestTokens.bearer(TestTokens.laki()));
                SseClient second = SseClient.connect(instances.port(1), "/api/v1/live?period=2002", "Authorization", TestTokens.bearer(TestTokens.laki()))) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            Map<String, Integer> expected = new HashMap<>();
            List<EventEnvelope<?>> events = new ArrayList<>();
            for (int i = 0; i < SITES.size(); i++) {
                events.add(envelope(report(SITES.get(i), LocalDate.of(2002, 4, 1 + i), 10 + i, 0)));
                expected.put("activities/" + SITES.get(i) + "/2002-04/FRUEHE_BILDUNG/BERATUNG/NONE", 10 + i);
            }
            ActivityEvents.publishAll(publisher, events);

            assertThat(participantsByKey(first, expected.keySet())).as("instance 1").isEqualTo(expected);
            assertThat(participantsByKey(second, expected.keySet())).as("instance 2").isEqualTo(expected);
        }
    }

    @Test
    void aFeedCursorOfOneInstanceIsValidOnTheOther() {
        String start = http.get(0).feedEnd();
        List<EventEnvelope<?>> events = new ArrayList<>();
        SITES.forEach(site -> events.add(envelope(report(site, LocalDate.of(2003, 2, 3), 7, 1))));
        ActivityEvents.publishAll(publisher, events);
        await().atMost(WAIT).until(() -> json(http.get(1).get("/api/v1/feed?limit=1000&after=" + start)).get("changes").size() >= SITES.size());

        JsonNode whole = json(http.get(0).get("/api/v1/feed?limit=1000&after=" + start, TestTokens.laki()));
        assertThat(json(http.get(1).get("/api/v1/feed?limit=1000&after=" + start, TestTokens.laki()))).isEqualTo(whole);
        // Paging alternately through both instances gives the same changes as reading one.
        List<JsonNode> paged = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < whole.get("changes").size(); page++) {
            JsonNode next = json(http.get(page % 2).get("/api/v1/feed?limit=1&after=" + cursor, TestTokens.laki()));
            next.get("changes").forEach(paged::add);
            cursor = next.get("next").asString();
        }
        List<JsonNode> all = new ArrayList<>();
        whole.get("changes").forEach(all::add);
        assertThat(paged).isEqualTo(all);
        assertThat(json(http.get(1).get("/api/v1/feed?after=" + cursor)).get("changes")).isEmpty();
    }

    @Test
    void aRebuildStartedOnEitherInstanceSwitchesBothToTheNewGenerationAndNeitherWritesTheOldOne() throws Exception {
        ActivityEvents.publishAll(publisher, List.of(envelope(report(SITES.get(0), LocalDate.of(2000, 5, 1), 8, 1)),
                envelope(report(SITES.get(5), LocalDate.of(2000, 6, 1), 9, 2))));
        for (ReportingHttp instance : http) {
            await().atMost(WAIT).until(() -> countsBySite(instance, "2000").size() == 2);
        }
        Generation from = instances.bean(0, ActivityReadModel.class).activeGeneration();
        // The instance that does not write the feed: it cannot relay what the old generation left itself.
        int rebuilder = instances.bean(0, Lease.class).held() ? 1 : 0;

        HttpResponse<String> started = http.get(rebuilder).post("/api/v1/admin/rebuild", TestTokens.laki());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> !"REPLAYING".equals(rebuildState(rebuilder)) && !"SWITCHING".equals(rebuildState(rebuilder)));
        assertThat(json(http.get(rebuilder).get("/api/v1/admin/rebuild", TestTokens.laki())).get("state").asString()).isEqualTo("DONE");

        String next = instances.bean(0, ActivityEventsListener.class).groupId(from.next());
        await().atMost(WAIT).untilAsserted(() -> assertThat(assignments(next))
                .as("both instances consume into the new generation").hasSize(2)
                .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty()));
        assertThat(assignments(instances.bean(0, ActivityEventsListener.class).groupId(from))).as("nobody consumes into the old one").isEmpty();
        Map<String, int[]> expected = new TreeMap<>();
        expected.put(SITES.get(0), new int[] {1, 8});
        expected.put(SITES.get(5), new int[] {1, 9});
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < SITES.size(); i++) {
            events.add(envelope(report(SITES.get(i), LocalDate.of(2000, 7, 1 + i), 20 + i, 0)));
            int[] counts = expected.computeIfAbsent(SITES.get(i), s -> new int[2]);
            counts[0]++;
            counts[1] += 20 + i;
        }
        ActivityEvents.publishAll(publisher, events);

        for (int i = 0; i < instances.size(); i++) {
            ReportingHttp instance = http.get(i);
            await().atMost(WAIT).untilAsserted(() -> assertThat(countsBySite(instance, "2000")).isEqualTo(asText(expected)));
            assertThat(instances.bean(i, ActivityReadModel.class).activeGeneration()).isEqualTo(from.next());
        }
        MongoOperations mongo = instances.bean(0, MongoOperations.class);
        assertThat(mongo.collectionExists(MongoActivityStore.cellsOf(from))).as("the old generation stays dropped").isFalse();
    }

    /** Reads aggregate events until every expected key was seen; @return the last participants per key */
    private static Map<String, Integer> participantsByKey(SseClient client, Set<String> keys) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> missing = new HashSet<>(keys);
        while (!missing.isEmpty()) {
            JsonNode data = json(client.next(event -> "aggregate".equals(event.name()), WAIT).data());
            String key = data.get("key").asString();
            if (keys.contains(key)) {
                seen.put(key, data.get("values").get("participants").asInt());
                missing.remove(key);
            }
        }
        return seen;
    }

    private static String rebuildState(int instance) {
        return json(http.get(instance).get("/api/v1/admin/rebuild", TestTokens.laki())).get("state").asString();
    }

    private static Map<String, String> countsBySite(ReportingHttp instance, String period) {
        HttpResponse<String> response = instance.get("/api/v1/aggregates?measure=activities&groupBy=site&period=" + period,
                TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> counts = new TreeMap<>();
        json(response).get("rows").forEach(row -> {
            if (row.get("values").get("activities").asInt() > 0) { // every known site has a row
                counts.put(row.get("key").asString(),
                        row.get("values").get("activities").asInt() + "/" + row.get("values").get("participants").asInt());
            }
        });
        return counts;
    }

    private static Map<String, String> asText(Map<String, int[]> expected) {
        Map<String, String> text = new TreeMap<>();
        expected.forEach((site, counts) -> text.put(site, counts[0] + "/" + counts[1]));
        return text;
    }

    private static String activitiesGroup() {
        return instances.bean(0, ActivityEventsListener.class).activeGroupId();
    }

    /** @return the partitions each member of {@code group} is assigned */
    private static Map<String, Set<TopicPartition>> assignments(String group) throws InterruptedException, ExecutionException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        Map<String, Set<TopicPartition>> members = new HashMap<>();
        for (MemberDescription member : description.members()) {
            members.put(member.consumerId(), member.assignment().topicPartitions());
        }
        return members;
    }
}
