package nrw.kinetz.reporting.disclosure;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.olingo.client.api.domain.ClientEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ListenerCatchUp;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.activity.adapter.ActivityEventsListener;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Moment;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Question;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Table;
import nrw.kinetz.reporting.live.SseClient;
import nrw.kinetz.reporting.odata.ODataClientSupport;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attacker with public reads only (anonymous and {@code viewer}) tries to learn a count of people from 1 to 4
 * (docs/architecture.md#suppression). Activities with small counts arrive one at a time among larger ones — in sites
 * of one Regierungsbezirk, focus areas of one field, months of one quarter — and before and after each the attacker
 * reads every surface that shows activities: every table of the aggregates API (every grouping, each month, quarter
 * and year of 2029 and all time; JSON as anonymous and as viewer, and CSV), the OData feed (every activities entity
 * set, also through {@code $filter}, {@code $select}, {@code $orderby}, {@code $top}, {@code $skip}, {@code $count}
 * and paging chosen to difference), every open dataset of 2029 (JSON and CSV), the feed and two live streams.
 * {@link DisclosureAttack} turns every number into the interval of true values the published rule allows, keeps
 * the intersection of everything seen of a cell and computes every single difference: before and after per cell,
 * parent minus its other children (site in Regierungsbezirk, focus area in field, row in total, month in quarter,
 * quarter in year), consecutive feed revisions and live events. No interval may be a single value from 1 to 4, no
 * surface may show a cell otherwise than the aggregates API — and the LaKI still sees exact numbers, through the
 * API and through the OData feed with a bearer token or an API key.
 *
 * <p>The OData feed and open data offer only periods that have begun, so this reporting instance lives on
 * 10 January 2030 (its own clock), with a database and consumer group of its own: its leases and positions never
 * meet those of the instance the other test classes share, and it is closed after this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=reporting-disclosure-attack", "spring.kafka.consumer.group-id=reporting-disclosure-attack",
        "kinetz.odata.first-year=2029", "kinetz.odata.page-size=200"})
@WithKiNetzInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DisclosureAttackIntegrationTests {

    private static final int YEAR = 2029;
    private static final List<String> GROUPINGS = List.of("site", "regierungsbezirk", "field", "focusArea", "activityType", "program");
    private static final List<String> PERIODS = List.of("2029-01", "2029-02", "2029-03", "2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4",
            "2029", "");
    /** Groupings the aggregates API crosses; month × site × focus area is also an open dataset. */
    private static final List<String> CROSSED = List.of("site,focusArea", "regierungsbezirk,activityType", "month,site,focusArea");
    private static final List<String> PEOPLE = DisclosureAttack.PEOPLE.get("activities");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Time goes on from 10 January 2030, noon in Berlin: all of 2029 lies in the past. */
    @TestConfiguration
    static class InJanuary2030 {

        @Bean
        Clock clock() {
            Instant then = ZonedDateTime.of(2030, 1, 10, 12, 0, 0, 0, NetworkTime.ZONE).toInstant();
            return Clock.offset(Clock.system(NetworkTime.ZONE), Duration.between(Instant.now(), then));
        }
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    ActivityEventsListener listener;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;
    private ODataSurface odata;
    private OpenDataSurface openData;
    private final DisclosureAttack attack = new DisclosureAttack();
    private final List<ActivityReported> published = new ArrayList<>();
    private String detmold0;
    /** The feed's end before the scenario: every entry of 2029 comes after it. */
    private String start;

    @Test
    void noSequenceOfPublicReadsOfAnySurfacePinsACountOfOneToFourPeopleWhileTheLakiSeesExactNumbers(TestInfrastructure infrastructure) {
        http = new ReportingHttp(port);
        odata = new ODataSurface(port, attack);
        openData = new OpenDataSurface(http, attack);
        // The instance replays what other test classes published before; the scenario starts once it has.
        ListenerCatchUp.await(infrastructure.kafkaBootstrapServers(), listener.activeGroupId(), Topics.ACTIVITIES, WAIT);
        start = http.feedEnd();
        List<String> arnsberg = sitesOf(Regierungsbezirk.ARNSBERG);
        List<String> detmold = sitesOf(Regierungsbezirk.DETMOLD);
        detmold0 = detmold.get(0);
        String duesseldorf = sitesOf(Regierungsbezirk.DUESSELDORF).get(0);
        try (SseClient changes = connectLive("/api/v1/live?period=" + YEAR);
                SseClient tables = connectLive("/api/v1/live?groupBy=regierungsbezirk&period=" + YEAR,
                        "Authorization", TestTokens.bearer(TestTokens.viewer()))) {

            arrive(activity(arnsberg.get(0), 1, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 16, 6),
                    activity(arnsberg.get(1), 1, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.BERATUNG, null, 12, 0),
                    activity(arnsberg.get(2), 2, FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, null, 20, 5),
                    activity(duesseldorf, 3, FocusArea.ARBEIT, ActivityType.PROJEKT, null, 30, 10));
            List<Moment> moments = new ArrayList<>(List.of(read("baseline", start)));
            List<ActivityReported> small = List.of(
                    // 16 -> 18 in one cell: the revision once gave the 2 away.
                    activity(arnsberg.get(0), 1, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 2, 1),
                    // Detmold's first activity, then a second of 4 at another site: 4 + 4 in one Regierungsbezirk.
                    activity(detmold.get(0), 2, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 4, 0),
                    activity(detmold.get(1), 2, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 4, 2),
                    // A small focus area beside a large one of the same field, in the quarter's last month.
                    activity(arnsberg.get(3), 3, FocusArea.SPORT, ActivityType.VERANSTALTUNG, null, 3, 3),
                    activity(arnsberg.get(1), 1, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.BERATUNG, null, 1, 4),
                    // A cell of 4 that grows to 5.
                    activity(detmold.get(0), 2, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 1, 1),
                    activity(arnsberg.get(2), 2, FocusArea.ELTERNBILDUNG, ActivityType.VERANSTALTUNG, Program.KOMM_AN_II, 2, 0));
            for (ActivityReported activity : small) {
                arrive(activity);
                moments.add(read("after " + describe(activity), start));
            }

            for (int i = 1; i < moments.size(); i++) {
                attack.beforeAndAfter(moments.get(i - 1), moments.get(i));
            }
            moments.forEach(this::partsAgainstWholes);
            Moment last = moments.get(moments.size() - 1);
            attack.revisions("feed", last.feed, PEOPLE);
            attack.revisions("live", awaitLiveChanges(changes, last.feed), PEOPLE);
            attack.frames("live tables", liveTables(tables, last.feed), PEOPLE, "activities");
            moments.forEach(this::tablesAreTheFeedsBands);
        }

        assertThat(attack.findings()).as(() -> "what the attacker learnt: " + attack.summary()).isEmpty();
        System.out.println("Disclosure attack: requests per surface " + attack.requests());
        assertThat(attack.requests()).containsKeys("api json", "api viewer", "api csv", "odata", "opendata json", "opendata csv");
        theLakiSeesExactNumbers();
    }

    /* ---------- what the attacker reads at one moment ---------- */

    private Moment read(String label, String start) {
        Moment moment = new Moment(label);
        for (String period : PERIODS) {
            for (String grouping : GROUPINGS) {
                Question question = new Question("activities", grouping, period);
                String query = query(grouping, period);
                attack.learn(moment, "api json", question, DisclosureAttack.table(ok(http.get(query))));
                attack.learn(moment, "api viewer", question, DisclosureAttack.table(ok(http.get(query, TestTokens.viewer()))));
                HttpResponse<String> csv = http.get(query, "Accept", "text/csv");
                assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
                attack.learn(moment, "api csv", question, DisclosureAttack.csvTables(csv.body(),
                        List.of("activities", "participants", "volunteers", "sessions", "hours"), 2, cells -> "", cells -> cells[0]).get(""));
                attack.asked("api json");
                attack.asked("api viewer");
                attack.asked("api csv");
            }
            for (String grouping : CROSSED) {
                attack.learn(moment, "api json", new Question("activities", grouping, period),
                        DisclosureAttack.table(ok(http.get(query(grouping, period)))));
                attack.asked("api json");
            }
        }
        odata.read(moment, GROUPINGS, PERIODS, Map.of("site", detmold0, "regierungsbezirk", Regierungsbezirk.DETMOLD.code(),
                "focusArea", FocusArea.SPORT.name()));
        openData.read(moment, YEAR);
        moment.feed = feed(start, null);
        return moment;
    }

    /* ---------- the differences within one moment ---------- */

    private void partsAgainstWholes(Moment moment) {
        attack.rowsAgainstTotals(moment);
        for (String period : PERIODS) {
            attack.parts("Regierungsbezirk minus its other sites", moment, new Question("activities", "site", period),
                    new Question("activities", "regierungsbezirk", period), site -> SiteId.of(site).regierungsbezirk().code());
            attack.parts("field minus its other focus areas", moment, new Question("activities", "focusArea", period),
                    new Question("activities", "field", period), area -> FocusArea.valueOf(area).field().name());
        }
        for (String period : PERIODS) {
            crossedRowsAgainstTheirGroups(moment, "site,focusArea", period);
            crossedRowsAgainstTheirGroups(moment, "regierungsbezirk,activityType", period);
            crossedRowsAgainstTheirGroups(moment, "month,site,focusArea", period);
        }
        for (String grouping : GROUPINGS) {
            attack.periods(moment, "activities", grouping, List.of("2029-01", "2029-02", "2029-03"), "2029-Q1");
            attack.periods(moment, "activities", grouping, List.of("2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4"), "2029");
        }
    }

    /**
     * A crossed row ({@code site/focusArea}) as its group of each single grouping minus the group's other crossed rows;
     * a row of month × site × focus area also against the site × focus area table of its month.
     */
    private void crossedRowsAgainstTheirGroups(Moment moment, String crossed, String period) {
        Question parts = new Question("activities", crossed, period);
        List<String> dimensions = List.of(crossed.split(","));
        for (int i = 0; i < dimensions.size(); i++) {
            int dimension = i;
            String grouping = dimensions.get(i);
            if (!grouping.equals("month")) {
                attack.parts("a group minus its other crossed rows", moment, parts, row -> {
                    String[] keys = row.split("/");
                    String within = dimensions.get(0).equals("month") ? keys[0] : period;
                    return new DisclosureAttack.Whole(new Question("activities", grouping, within), keys[dimension]);
                });
            }
        }
        if (dimensions.get(0).equals("month")) {
            attack.parts("a month's crossed row minus its others", moment, parts, row -> {
                String[] keys = row.split("/");
                return new DisclosureAttack.Whole(new Question("activities", crossed.substring("month,".length()), keys[0]),
                        keys[1] + "/" + keys[2]);
            });
        }
    }

    /** Every table of the year recomputed from the feed's finest cells of its period. */
    private void tablesAreTheFeedsBands(Moment moment) {
        Map<String, JsonNode> cells = new TreeMap<>();
        moment.feed.forEach(entry -> cells.put(entry.get("key").asString(), entry.get("values")));
        for (String period : PERIODS.subList(0, PERIODS.size() - 1)) {
            Map<String, JsonNode> within = new TreeMap<>();
            cells.forEach((key, values) -> {
                if (within(key.split("/")[2], period)) {
                    within.put(key, values);
                }
            });
            for (String grouping : GROUPINGS) {
                attack.matchesTheFeedsBands(moment, new Question("activities", grouping, period), within,
                        key -> row(grouping, key.split("/")), true);
            }
            for (String crossed : CROSSED) {
                attack.matchesTheFeedsBands(moment, new Question("activities", crossed, period), within, key -> String.join("/",
                        java.util.Arrays.stream(crossed.split(",")).map(grouping -> row(grouping, key.split("/"))).toList()), true);
            }
        }
    }

    /* ---------- reading the feed and the live streams ---------- */

    private List<JsonNode> feed(String start, String token) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = start;
        while (true) {
            HttpResponse<String> response = token == null ? http.get("/api/v1/feed?limit=1000&after=" + cursor)
                    : http.get("/api/v1/feed?limit=1000&after=" + cursor, token);
            attack.asked(token == null ? "feed" : "feed (laki)");
            JsonNode page = ok(response);
            if (page.get("changes").isEmpty()) {
                return entries;
            }
            page.get("changes").forEach(change -> {
                if (change.get("key").asString().startsWith("activities/") && change.get("period").asString().startsWith(YEAR + "-")) {
                    entries.add(change);
                }
            });
            cursor = page.get("next").asString();
        }
    }

    private List<JsonNode> awaitLiveChanges(SseClient changes, List<JsonNode> feed) {
        List<JsonNode> received = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            changes.drain(Duration.ofMillis(200)).stream().filter(e -> e.name().equals("aggregate"))
                    .map(e -> json(e.data())).filter(c -> c.get("key").asString().startsWith("activities/"))
                    .forEach(received::add);
            assertThat(received).as("live events").hasSizeGreaterThanOrEqualTo(feed.size());
        });
        assertThat(received.stream().map(DisclosureAttackIntegrationTests::withoutTime).toList()).as("live events are the feed's entries")
                .containsAll(feed.stream().map(DisclosureAttackIntegrationTests::withoutTime).toList());
        return received;
    }

    /** The live tables by Regierungsbezirk, frame after frame, keyed by their period. */
    private List<Map.Entry<String, Table>> liveTables(SseClient tables, List<JsonNode> feed) {
        List<JsonNode> frames = new ArrayList<>();
        long lastCursor = Long.parseLong(feed.get(feed.size() - 1).get("cursor").asString());
        await().atMost(WAIT).untilAsserted(() -> {
            tables.drain(Duration.ofMillis(200)).stream().filter(e -> e.name().equals("report"))
                    .forEach(e -> frames.add(((ObjectNode) json(e.data())).put("cursor", e.id())));
            assertThat(frames).as("report frames up to the last change")
                    .anyMatch(frame -> Long.parseLong(frame.get("cursor").asString()) >= lastCursor);
        });
        return frames.stream().map(frame -> (Map.Entry<String, Table>) new AbstractMap.SimpleEntry<>(frame.get("period").asString(),
                DisclosureAttack.table(frame))).toList();
    }

    /**
     * A live stream, connected again after a 503 as any client does: this instance may still be replaying what other
     * test classes published when the scenario starts, and on a busy machine the store can answer too slowly then.
     */
    private SseClient connectLive(String pathAndQuery, String... headers) {
        SseClient[] connected = new SseClient[1];
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            SseClient client = SseClient.connect(port, pathAndQuery, headers);
            if (client.status() == 200) {
                connected[0] = client;
                return true;
            }
            assertThat(client.status()).as(pathAndQuery).isEqualTo(503);
            client.close();
            return false;
        });
        return connected[0];
    }

    /** A change as the feed and the live stream carry it, but for when it was recorded (its precision differs). */
    private static String withoutTime(JsonNode change) {
        return change.get("cursor").asString() + " " + change.get("key").asString() + " " + change.get("values");
    }

    private void arrive(ActivityReported... activities) {
        List<ActivityReported> batch = List.of(activities);
        ActivityEvents.publishAll(publisher, ActivityEvents.envelopes(batch));
        published.addAll(batch);
        long expected = published.size();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode laki = ok(http.get(query("site", String.valueOf(YEAR)), TestTokens.laki()));
            assertThat(laki.at("/total/activities").asLong()).isEqualTo(expected);
            assertThat(latestActivities(feed(start, TestTokens.laki()))).as("the feed has every activity").isEqualTo(expected);
        });
    }

    private static long latestActivities(List<JsonNode> entries) {
        Map<String, Long> latest = new TreeMap<>();
        entries.forEach(e -> latest.put(e.get("key").asString(), e.at("/values/activities").asLong()));
        return latest.values().stream().mapToLong(Long::longValue).sum();
    }

    /* ---------- the LaKI ---------- */

    private void theLakiSeesExactNumbers() {
        Map<String, long[]> expected = new TreeMap<>();
        published.forEach(a -> {
            long[] sums = expected.computeIfAbsent(a.siteId().regierungsbezirk().code(), k -> new long[2]);
            sums[0] += a.metrics().participants();
            sums[1] += a.metrics().volunteers();
        });
        String apiKey = json(http.post("/api/v1/api-keys", TestTokens.mint("attack.laki", List.of("laki"), null))).get("key").asString();
        Map<String, Function<URI, List<ClientEntity>>> lakiReadsOData = new LinkedHashMap<>();
        ODataClientSupport client = new ODataClientSupport(port);
        lakiReadsOData.put("OData with a bearer token", uri -> client.all(uri, null, "Authorization", TestTokens.bearer(TestTokens.laki())));
        lakiReadsOData.put("OData with an API key", uri -> client.all(uri, null, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("attack:" + apiKey).getBytes(StandardCharsets.UTF_8))));

        Table byRegion = DisclosureAttack.table(ok(http.get(query("regierungsbezirk", String.valueOf(YEAR)), TestTokens.laki())));
        expected.forEach((region, sums) -> {
            assertThat(byRegion.rows().get(region).get("participants")).as("participants " + region).isEqualTo(sums[0]);
            assertThat(byRegion.rows().get(region).get("volunteers")).as("volunteers " + region).isEqualTo(sums[1]);
        });
        assertThat(byRegion.rows().get("7").get("participants")).as("Detmold: 4 + 4 + 1").isEqualTo(9);
        JsonNode cell = feed(start, TestTokens.laki()).stream()
                .filter(e -> e.get("key").asString().contains("/2029-01/FRUEHE_BILDUNG/")).reduce((a, b) -> b).orElseThrow();
        assertThat(cell.at("/values/participants").asLong()).as("16 + 2 for the LaKI").isEqualTo(18);

        lakiReadsOData.forEach((how, read) -> {
            List<ClientEntity> regions = read.apply(client.period("ActivitiesByRegierungsbezirk", String.valueOf(YEAR)));
            expected.forEach((region, sums) -> {
                assertThat(ODataClientSupport.value(ODataClientSupport.row(regions, region), "participants")).as(how + " " + region)
                        .isEqualTo(sums[0]);
                assertThat(ODataClientSupport.value(ODataClientSupport.row(regions, region), "volunteers")).as(how + " " + region)
                        .isEqualTo(sums[1]);
            });
            List<ClientEntity> sites = read.apply(client.period("ActivitiesBySite", "2029-02"));
            assertThat(ODataClientSupport.value(ODataClientSupport.row(sites, detmold0), "participants")).as(how + ": 4 + 1 in February")
                    .isEqualTo(5L);
            assertThat(ODataClientSupport.value(ODataClientSupport.row(sites, sitesOf(Regierungsbezirk.DETMOLD).get(1)), "participants"))
                    .as(how + ": a 4 the public never sees").isEqualTo(4L);
        });
        // Open data is what is published: a LaKI token changes nothing there.
        assertThat(json(http.get("/api/v1/opendata/activities-by-month-and-site.json?year=" + YEAR, TestTokens.laki())).get("rows"))
                .isEqualTo(json(http.get("/api/v1/opendata/activities-by-month-and-site.json?year=" + YEAR)).get("rows"));
    }

    /* ---------- helpers ---------- */

    private static String query(String grouping, String period) {
        return "/api/v1/aggregates?measure=activities&groupBy=" + grouping
                + (period.isEmpty() ? "" : "&period=" + URLEncoder.encode(period, StandardCharsets.UTF_8));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static boolean within(String month, String period) {
        if (period.length() == 4) {
            return month.startsWith(period);
        }
        if (period.contains("Q")) {
            int quarter = period.charAt(period.length() - 1) - '0';
            int m = Integer.parseInt(month.substring(5));
            return month.startsWith(period.substring(0, 4)) && (m - 1) / 3 + 1 == quarter;
        }
        return month.equals(period);
    }

    /** The row of a table by {@code grouping} that a feed key ({@code activities/site/month/area/type/program}) counts in. */
    private static String row(String grouping, String[] key) {
        return switch (grouping) {
            case "site" -> key[1];
            case "month" -> key[2];
            case "regierungsbezirk" -> SiteId.of(key[1]).regierungsbezirk().code();
            case "field" -> FocusArea.valueOf(key[3]).field().name();
            case "focusArea" -> key[3];
            case "activityType" -> key[4];
            case "program" -> key[5];
            default -> throw new IllegalArgumentException(grouping);
        };
    }

    private static List<String> sitesOf(Regierungsbezirk regierungsbezirk) {
        return KiSites.all().stream().map(s -> s.siteId()).filter(id -> id.regierungsbezirk() == regierungsbezirk)
                .map(SiteId::value).sorted().toList();
    }

    private static ActivityReported activity(String site, int month, FocusArea area, ActivityType type, Program program,
            int participants, int volunteers) {
        return ActivityEvents.report(site, LocalDate.of(YEAR, month, 10), area, type, program, participants, volunteers, 1, 2);
    }

    private static String describe(ActivityReported activity) {
        return activity.siteId().value() + " " + activity.occurredOn() + " " + activity.focusArea() + " "
                + activity.metrics().participants() + "/" + activity.metrics().volunteers();
    }
}
