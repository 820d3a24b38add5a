package nrw.kinetz.reporting.disclosure;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.ActivityEvents;
import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.live.SseClient;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attacker with public reads only (anonymous and {@code viewer}) tries to learn a count of people from 1 to 4
 * (docs/architecture.md#suppression). Activities with small counts arrive one at a time among larger ones — in sites
 * of one Regierungsbezirk, focus areas of one field, months of one quarter — and before and after each the attacker
 * reads every table the API offers for activities (every grouping, each month, quarter and year of 2029 and all
 * time; JSON as anonymous and as viewer, and CSV), the feed and two live streams. It turns every public number into
 * the interval of true values the published rule allows and computes every single difference: before and after
 * per cell, parent minus its other children (site in Regierungsbezirk, focus area in field, row in total, month in
 * quarter, quarter in year), consecutive feed revisions and live events. No interval may be a single value from 1
 * to 4 — and the LaKI still sees exact numbers.
 *
 * <p>The published rule (ADR 0007): a finest cell (a feed entry) shown as {@code v} holds {@code v} to {@code v+4},
 * withheld holds 1 to 4; a table cell is the rounded sum of the middles of its cells' bands, so with {@code n}
 * activities in it (an exact public count) it holds {@code v-2-2n} to {@code v+2+2n}. The attacker also checks
 * that every table is exactly what the feed's bands give — then the tables cannot tell more than the bands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class DisclosureAttackIntegrationTests {

    private static final int YEAR = 2029;
    private static final List<String> GROUPINGS = List.of("site", "regierungsbezirk", "field", "focusArea", "activityType", "program");
    private static final List<String> PERIODS = List.of("2029-01", "2029-02", "2029-03", "2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4",
            "2029", "");
    private static final List<String> PEOPLE = List.of("participants", "volunteers");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EventPublisher publisher;

    @Value("${local.server.port}")
    int port;

    private ReportingHttp http;
    private final List<ActivityReported> published = new ArrayList<>();
    /** What the attacker learnt, by kind of difference. */
    private final Map<String, List<String>> findings = new TreeMap<>();

    /** One public answer: row key → metric → shown value ({@code null} = withheld); the total under the key "". */
    record Table(Map<String, Map<String, Long>> rows) {
    }

    /** Everything the attacker read at one moment. */
    record Snapshot(String label, Map<String, Table> tables, List<JsonNode> feed) {
    }

    /** The true values a public number allows. */
    record Interval(long lo, long hi) {

        Interval minus(Interval other) {
            return new Interval(lo - other.hi, hi - other.lo);
        }

        Interval plus(Interval other) {
            return new Interval(lo + other.lo, hi + other.hi);
        }

        Interval atLeastZero() {
            return new Interval(Math.max(0, lo), Math.max(0, hi));
        }

        Interval intersect(Interval other) {
            return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi));
        }

        boolean pinsASmallCount() {
            return lo == hi && lo >= 1 && lo <= 4;
        }
    }

    @Test
    void noSequenceOfPublicReadsPinsACountOfOneToFourPeopleWhileTheLakiSeesExactNumbers() {
        http = new ReportingHttp(port);
        String start = http.feedEnd();
        List<String> arnsberg = sitesOf(Regierungsbezirk.ARNSBERG);
        List<String> detmold = sitesOf(Regierungsbezirk.DETMOLD);
        String duesseldorf = sitesOf(Regierungsbezirk.DUESSELDORF).get(0);
        try (SseClient changes = SseClient.connect(port, "/api/v1/live?period=" + YEAR);
                SseClient tables = SseClient.connect(port, "/api/v1/live?groupBy=regierungsbezirk&period=" + YEAR,
                        "Authorization", TestTokens.bearer(TestTokens.viewer()))) {
            assertThat(changes.status()).isEqualTo(200);
            assertThat(tables.status()).isEqualTo(200);

            arrive(activity(arnsberg.get(0), 1, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, 16, 6),
                    activity(arnsberg.get(1), 1, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.BERATUNG, null, 12, 0),
                    activity(arnsberg.get(2), 2, FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, null, 20, 5),
                    activity(duesseldorf, 3, FocusArea.ARBEIT, ActivityType.PROJEKT, null, 30, 10));
            List<Snapshot> snapshots = new ArrayList<>(List.of(read("baseline", start)));
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
                snapshots.add(read("after " + describe(activity), start));
            }

            for (int i = 1; i < snapshots.size(); i++) {
                beforeAndAfter(snapshots.get(i - 1), snapshots.get(i));
            }
            snapshots.forEach(this::partsAgainstWholes);
            Snapshot last = snapshots.get(snapshots.size() - 1);
            revisions("feed", last.feed());
            revisions("live", awaitLiveChanges(changes, last.feed()));
            liveTables(tables, last.feed());
            snapshots.forEach(this::tablesAreTheFeedsBands);
        }

        assertThat(findings).as(() -> "what the attacker learnt: " + summary()).isEmpty();
        theLakiSeesExactNumbers();
    }

    /* ---------- the differences ---------- */

    /** Every cell of every table, read before and after one activity: the activity's size. */
    private void beforeAndAfter(Snapshot before, Snapshot after) {
        after.tables().forEach((query, table) -> table.rows().forEach((row, values) -> {
            Map<String, Long> earlier = before.tables().get(query).rows().get(row);
            for (String metric : PEOPLE) {
                Interval added = tableInterval(values, metric).minus(tableInterval(earlier, metric)).atLeastZero();
                if (added.pinsASmallCount()) {
                    found("before and after, one table cell", after.label() + ": " + query + " row '" + row + "' " + metric
                            + " -> " + added);
                }
            }
        }));
    }

    /** Within one moment: each part of a whole from the whole minus its other parts. */
    private void partsAgainstWholes(Snapshot snapshot) {
        for (String period : PERIODS) {
            for (String grouping : GROUPINGS) {
                Table table = snapshot.tables().get(query(grouping, period));
                // Every row against the table's total.
                Map<String, String> toTotal = new LinkedHashMap<>();
                table.rows().keySet().stream().filter(row -> !row.isEmpty()).forEach(row -> toTotal.put(row, ""));
                parts("total minus the other rows", snapshot.label() + ": " + query(grouping, period), table, table, toTotal);
            }
            parts("Regierungsbezirk minus its other sites", snapshot.label() + ": " + period, snapshot.tables().get(query("site", period)),
                    snapshot.tables().get(query("regierungsbezirk", period)), mapping(snapshot, "site", period,
                            site -> SiteId.of(site).regierungsbezirk().code()));
            parts("field minus its other focus areas", snapshot.label() + ": " + period, snapshot.tables().get(query("focusArea", period)),
                    snapshot.tables().get(query("field", period)), mapping(snapshot, "focusArea", period,
                            area -> FocusArea.valueOf(area).field().name()));
        }
        for (String grouping : GROUPINGS) {
            periods(snapshot, grouping, List.of("2029-01", "2029-02", "2029-03"), "2029-Q1");
            periods(snapshot, grouping, List.of("2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4"), "2029");
        }
    }

    private void periods(Snapshot snapshot, String grouping, List<String> parts, String whole) {
        Table wholeTable = snapshot.tables().get(query(grouping, whole));
        for (String row : wholeTable.rows().keySet()) {
            for (String metric : PEOPLE) {
                List<Interval> intervals = parts.stream()
                        .map(part -> tableInterval(snapshot.tables().get(query(grouping, part)).rows().get(row), metric)).toList();
                solve("period minus its other sub-periods", snapshot.label() + ": " + grouping + " row '" + row + "' " + metric
                        + " of " + parts + " in " + whole,
                        tableInterval(wholeTable.rows().get(row), metric), intervals);
            }
        }
    }

    /** @param parent which row of {@code wholes} each row of {@code parts} belongs to */
    private void parts(String kind, String what, Table parts, Table wholes, Map<String, String> parent) {
        for (String whole : new LinkedHashSet<>(parent.values())) {
            List<String> children = parent.entrySet().stream().filter(e -> e.getValue().equals(whole)).map(Map.Entry::getKey).toList();
            for (String metric : PEOPLE) {
                solve(kind, what + " '" + whole + "' " + metric, tableInterval(wholes.rows().get(whole), metric),
                        children.stream().map(child -> tableInterval(parts.rows().get(child), metric)).toList());
            }
        }
    }

    /** Each part's interval narrowed by the whole minus the other parts. */
    private void solve(String kind, String what, Interval whole, List<Interval> parts) {
        for (int i = 0; i < parts.size(); i++) {
            Interval others = new Interval(0, 0);
            for (int j = 0; j < parts.size(); j++) {
                if (j != i) {
                    others = others.plus(parts.get(j));
                }
            }
            Interval part = parts.get(i).intersect(whole.minus(others));
            if (part.pinsASmallCount()) {
                found(kind, what + ": part " + i + " -> " + part);
            }
        }
    }

    /** Consecutive revisions of one cell, each after exactly one more activity (the exact activity count shows it). */
    private void revisions(String where, List<JsonNode> entries) {
        Map<String, JsonNode> previous = new TreeMap<>();
        for (JsonNode entry : entries) {
            String key = entry.get("key").asString();
            JsonNode before = previous.put(key, entry);
            for (String metric : PEOPLE) {
                Interval now = cellInterval(shown(entry.get("values"), metric));
                Interval added = before == null ? now : now.minus(cellInterval(shown(before.get("values"), metric))).atLeastZero();
                if (added.pinsASmallCount()) {
                    found(where + ", consecutive revisions of one cell", key + " revision " + entry.get("cursor").asString() + " "
                            + metric + " -> " + added);
                }
            }
        }
    }

    /** The live tables by Regierungsbezirk, one frame after another, for each row. */
    private void liveTables(SseClient tables, List<JsonNode> feed) {
        List<JsonNode> frames = new ArrayList<>();
        long lastCursor = Long.parseLong(feed.get(feed.size() - 1).get("cursor").asString());
        await().atMost(WAIT).untilAsserted(() -> {
            tables.drain(Duration.ofMillis(200)).stream().filter(e -> e.name().equals("report"))
                    .forEach(e -> frames.add(((ObjectNode) json(e.data())).put("cursor", e.id())));
            assertThat(frames).as("report frames up to the last change")
                    .anyMatch(frame -> Long.parseLong(frame.get("cursor").asString()) >= lastCursor);
        });
        Map<String, Map<String, Long>> previous = new TreeMap<>();
        for (JsonNode frame : frames) {
            Table table = table(frame);
            table.rows().forEach((row, values) -> {
                Map<String, Long> before = previous.put(frame.get("period").asString() + "/" + row, values);
                for (String metric : PEOPLE) {
                    Interval added = before == null ? new Interval(0, Long.MAX_VALUE / 4)
                            : tableInterval(values, metric).minus(tableInterval(before, metric)).atLeastZero();
                    if (added.pinsASmallCount()) {
                        found("live tables, consecutive frames", frame.get("period").asString() + " row '" + row + "' " + metric
                                + " -> " + added);
                    }
                }
            });
        }
    }

    /**
     * Every table of the year recomputed from the feed's finest cells as the published rule says: the rounded sum of
     * the middles of their bands. Where that holds, a table says nothing the bands of its cells do not.
     */
    private void tablesAreTheFeedsBands(Snapshot snapshot) {
        Map<String, JsonNode> cells = new TreeMap<>();
        snapshot.feed().forEach(entry -> cells.put(entry.get("key").asString(), entry.get("values")));
        for (String period : PERIODS.subList(0, PERIODS.size() - 1)) {
            for (String grouping : GROUPINGS) {
                Map<String, Map<String, Long>> sums = new TreeMap<>();
                cells.forEach((key, values) -> {
                    String[] parts = key.split("/");
                    if (!within(parts[2], period)) {
                        return;
                    }
                    for (String row : List.of(row(grouping, parts), "")) {
                        for (String metric : PEOPLE) {
                            Long shown = shown(values, metric);
                            long share = shown == null ? 2 : shown == 0 ? 0 : shown + 2;
                            sums.computeIfAbsent(row, r -> new TreeMap<>()).merge(metric, share, Long::sum);
                        }
                    }
                });
                Table table = snapshot.tables().get(query(grouping, period));
                sums.forEach((row, values) -> values.forEach((metric, sum) -> {
                    Long expected = sum == 0 ? Long.valueOf(0) : sum < 5 ? null : (sum + 2) / 5 * 5;
                    Long actual = table.rows().get(row).get(metric);
                    if (!java.util.Objects.equals(expected, actual)) {
                        found("a table says more than the feed's bands", snapshot.label() + ": " + query(grouping, period) + " row '"
                                + row + "' " + metric + " shows " + actual + ", the bands give " + expected);
                    }
                }));
            }
        }
    }

    private void found(String kind, String finding) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(finding);
    }

    /** How many of each kind, with the first three of each. */
    private String summary() {
        StringBuilder text = new StringBuilder();
        findings.forEach((kind, list) -> text.append("\n").append(list.size()).append(" x ").append(kind).append(", e.g.\n    ")
                .append(String.join("\n    ", list.subList(0, Math.min(3, list.size())))));
        return text.toString();
    }

    /* ---------- the published rule ---------- */

    /** A finest cell: withheld is 1 to 4, {@code v} is {@code v} to {@code v+4}. */
    private static Interval cellInterval(Long shown) {
        if (shown == null) {
            return new Interval(1, 4);
        }
        return shown == 0 ? new Interval(0, 0) : new Interval(shown, shown + 4);
    }

    /** A table cell: the rounded sum of up to {@code n} band middles, each within 2 of its cell. */
    private static Interval tableInterval(Map<String, Long> values, String metric) {
        Long shown = values.get(metric);
        long n = values.get("activities");
        if (shown == null) {
            return new Interval(1, 4 + 2 * n);
        }
        return shown == 0 ? new Interval(0, 0) : new Interval(Math.max(1, shown - 2 - 2 * n), shown + 2 + 2 * n);
    }

    /* ---------- reading ---------- */

    private Snapshot read(String label, String start) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String period : PERIODS) {
            for (String grouping : GROUPINGS) {
                String query = query(grouping, period);
                Table anonymous = table(ok(http.get(query)));
                assertThat(table(ok(http.get(query, TestTokens.viewer())))).as("viewer: " + query).isEqualTo(anonymous);
                assertThat(csvTable(http.get(query, "Accept", "text/csv"))).as("CSV: " + query).isEqualTo(anonymous);
                tables.put(query, anonymous);
            }
        }
        return new Snapshot(label, tables, feed(start, null));
    }

    private List<JsonNode> feed(String start, String token) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = start;
        while (true) {
            HttpResponse<String> response = token == null ? http.get("/api/v1/feed?limit=1000&after=" + cursor)
                    : http.get("/api/v1/feed?limit=1000&after=" + cursor, token);
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
            long fed = feed("0", TestTokens.laki()).stream().mapToLong(e -> e.at("/values/activities").asLong())
                    .reduce(0, (a, b) -> a + b);
            assertThat(latestActivities(feed("0", TestTokens.laki()))).as("the feed has every activity").isEqualTo(expected);
            assertThat(fed).isPositive();
        });
    }

    private static long latestActivities(List<JsonNode> entries) {
        Map<String, Long> latest = new TreeMap<>();
        entries.forEach(e -> latest.put(e.get("key").asString(), e.at("/values/activities").asLong()));
        return latest.values().stream().mapToLong(Long::longValue).sum();
    }

    private void theLakiSeesExactNumbers() {
        JsonNode byRegion = ok(http.get(query("regierungsbezirk", String.valueOf(YEAR)), TestTokens.laki()));
        Map<String, long[]> expected = new TreeMap<>();
        published.forEach(a -> {
            long[] sums = expected.computeIfAbsent(a.siteId().regierungsbezirk().code(), k -> new long[2]);
            sums[0] += a.metrics().participants();
            sums[1] += a.metrics().volunteers();
        });
        Table table = table(byRegion);
        expected.forEach((region, sums) -> {
            assertThat(table.rows().get(region).get("participants")).as("participants " + region).isEqualTo(sums[0]);
            assertThat(table.rows().get(region).get("volunteers")).as("volunteers " + region).isEqualTo(sums[1]);
        });
        assertThat(table.rows().get("7").get("participants")).as("Detmold: 4 + 4 + 1").isEqualTo(9);
        JsonNode cell = feed("0", TestTokens.laki()).stream()
                .filter(e -> e.get("key").asString().contains("/2029-01/FRUEHE_BILDUNG/")).reduce((a, b) -> b).orElseThrow();
        assertThat(cell.at("/values/participants").asLong()).as("16 + 2 for the LaKI").isEqualTo(18);
    }

    /* ---------- helpers ---------- */

    private static String query(String grouping, String period) {
        return "/api/v1/aggregates?measure=activities&groupBy=" + grouping
                + (period.isEmpty() ? "" : "&period=" + URLEncoder.encode(period, StandardCharsets.UTF_8));
    }

    private static Table table(JsonNode answer) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        answer.get("rows").forEach(row -> rows.put(row.get("key").asString(), values(row.get("values"))));
        rows.put("", values(answer.get("total")));
        return new Table(rows);
    }

    private static Map<String, Long> values(JsonNode values) {
        Map<String, Long> shown = new LinkedHashMap<>();
        values.properties().forEach(e -> shown.put(e.getKey(), e.getValue().isObject() ? null : e.getValue().asLong()));
        return shown;
    }

    private static Long shown(JsonNode values, String metric) {
        JsonNode value = values.get(metric);
        return value.isObject() ? null : value.asLong();
    }

    /** The CSV read back: the same rows, the total under the key "", {@code .} as withheld. */
    private static Table csvTable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        List<String> metrics = List.of("activities", "participants", "volunteers", "sessions", "hours");
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                values.put(metrics.get(i), cells[2 + i].equals(".") ? null : Long.parseLong(cells[2 + i]));
            }
            rows.put(cells[0], values);
        }
        return new Table(rows);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static Map<String, String> mapping(Snapshot snapshot, String grouping, String period, Function<String, String> parent) {
        Map<String, String> mapping = new LinkedHashMap<>();
        snapshot.tables().get(query(grouping, period)).rows().keySet().stream().filter(row -> !row.isEmpty())
                .forEach(row -> mapping.put(row, parent.apply(row)));
        return mapping;
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

    private static String row(String grouping, String[] key) {
        return switch (grouping) {
            case "site" -> key[1];
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
