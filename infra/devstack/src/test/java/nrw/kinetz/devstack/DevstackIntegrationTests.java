package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.cloudevents.CloudEvent;
import nrw.kinetz.devstack.demo.Demo;
import nrw.kinetz.devstack.demo.Intake;
import io.cloudevents.kafka.CloudEventDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README command 1 end to end: the whole platform from the built jars, on shifted ports beside any
 * developer's stack — ready, 54 sites, writes need a token, exactly 54 registrations on the topic for a
 * consumer that knows only the CloudEvents SDK, the aggregates, and all of it again after a restart; and the
 * dashboard's sign-in with a generated password (the reporting service got the dashboard client's secret).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackIntegrationTests {

    private static final int OFFSET = 20_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    static DevstackLayout layout;
    static Devstack devstack;

    @BeforeAll
    static void up() throws Exception {
        // Surefire runs in infra/devstack; the jars are in the repository two levels up.
        layout = new DevstackLayout(Path.of("../..").toAbsolutePath().normalize(), data, OFFSET);
        devstack = start();
    }

    @AfterAll
    static void down() {
        if (devstack != null) {
            devstack.close();
        }
    }

    @Test
    @Order(1)
    void listsThe54SitesPublicly() throws Exception {
        JsonNode sites = getJson(layout.portOf(DevstackLayout.SITE_REGISTRY), "/api/v1/sites?size=100");
        assertThat(sites.isArray()).isTrue();
        assertThat(sites.size()).isEqualTo(54);
    }

    @Test
    @Order(1)
    void programTrackingServesTheProgrammesAndTheSampleGrants() throws Exception {
        int port = layout.portOf(DevstackLayout.PROGRAM_TRACKING);
        assertThat(getJson(port, "/api/v1/programs").size()).isEqualTo(9);
        // The sample grants are stored in the background after the service is up.
        await().atMost(Duration.ofSeconds(120))
                .until(() -> getJson(port, "/api/v1/grants?site=05974&program=KI_GRUNDFOERDERUNG").size() == 3);
        JsonNode grants = getJson(port, "/api/v1/grants?site=05974&program=KI_GRUNDFOERDERUNG");
        assertThat(grants.get(0).get("amountGranted").asString()).matches("[0-9]+\\.[0-9]{2}");
    }

    @Test
    @Order(2)
    void writeWithoutATokenIsRefusedAndOnlyALakiTokenFromTheAuthorizationServerGetsThrough() throws Exception {
        String soest = "{\"siteId\":\"05974\",\"name\":\"Kreis Soest\",\"territoryKind\":\"KREIS\",\"population\":301902}";
        DevstackTokens tokens = new DevstackTokens(layout);

        assertThat(registerSite(null, soest).statusCode()).isEqualTo(401);
        assertThat(registerSite(tokens.token("viewer"), soest).statusCode()).isEqualTo(403);
        assertThat(registerSite(tokens.token("ki-05974"), soest).statusCode()).isEqualTo(403);
        // laki passes authorization; the registry then refuses a site it knows already
        HttpResponse<String> laki = registerSite(tokens.token("laki"), soest);
        assertThat(laki.statusCode()).as(laki.body()).isEqualTo(409);
    }

    @Test
    @Order(8)
    void theCatalogShowsItsSampleOfferingsAndItsMailsReachTheDevstacksSmtpServer() throws Exception {
        int catalog = layout.portOf(DevstackLayout.EVENT_CATALOG);
        JsonNode offerings = getJson(catalog, "/api/v1/offerings");
        assertThat(offerings.size()).isGreaterThanOrEqualTo(5);
        offerings.forEach(o -> assertThat(o.get("description").asString()).startsWith("Beispieldaten"));
        String offering = offerings.get(0).get("offeringId").asString();

        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(uri(catalog, "/api/v1/offerings/" + offering
                        + "/registrations")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"name\":\"Neu Gierig\",\"email\":\"neugierig@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isDirectory(layout.mailDir()) || Files.list(layout.mailDir()).findAny().isEmpty()) {
            assertThat(System.nanoTime()).as("a mail in " + layout.mailDir()).isLessThan(deadline);
            Thread.sleep(200);
        }
        var printed = new java.io.ByteArrayOutputStream();
        try (var files = Files.list(layout.mailDir())) {
            MailsCommand.print(files.sorted().toList(), false, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("neugierig@example.org")
                .contains("http://localhost:" + catalog + "/veranstaltungen/anmeldung/").contains("/bestaetigen?t=");
    }

    @Test
    @Order(10)
    void oneTraceFollowsAnActivityFromTheIntakesRequestThroughKafkaIntoTheLogLinesOfReportingsBatchListener()
            throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String activity = """
                {"id":"%s","site":"05974","occurredOn":"%s","field":"BILDUNG","focusArea":"SEITENEINSTEIGERBERATUNG",
                 "activityType":"ERSTBERATUNG_SEITENEINSTEIGER","metrics":{"participants":4,"volunteers":0,"sessions":1,"hours":2}}"""
                .formatted(UUID.randomUUID(), LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(3));
        var request = HttpRequest.newBuilder(uri(layout.portOf(DevstackLayout.ACTIVITY_INTAKE), "/api/v1/activities"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + new DevstackTokens(layout).token("laki"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build();

        HttpResponse<String> accepted = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Path reportingLog = layout.logDir().resolve(DevstackLayout.REPORTING.name() + ".log");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Files.readAllLines(reportingLog))
                .anySatisfy(line -> assertThat(line).contains(traceId).contains("activity record ki.activities.v1-")));
    }

    private static HttpResponse<String> registerSite(String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(uri(layout.portOf(DevstackLayout.SITE_REGISTRY), "/api/v1/sites"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void clientSecretsAreGeneratedIntoAnOwnerOnlyFile() throws Exception {
        assertThat(layout.secretsFile()).exists();
        assertThat(Files.getPosixFilePermissions(layout.secretsFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new DevstackTokens(layout).token("ki-05974").split("\\.")).hasSize(3);
    }

    @Test
    @Order(4)
    void reportingCountsTheSitesPerRegierungsbezirk() throws Exception {
        assertThat(awaitRegierungsbezirkCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Düsseldorf", 15, "Köln", 12, "Münster", 8, "Detmold", 7, "Arnsberg", 12));
    }

    @Test
    @Order(5)
    void aCloudEventsSdkConsumerReadsExactly54RegistrationsAlsoAfterARestart() throws Exception {
        assertThat(registrationsOnTheTopic()).hasSize(54).doesNotHaveDuplicates();

        devstack.close();
        devstack = start();

        assertThat(registrationsOnTheTopic()).hasSize(54).doesNotHaveDuplicates();
        assertThat(getJson(layout.portOf(DevstackLayout.SITE_REGISTRY), "/api/v1/sites?size=100").size()).isEqualTo(54);
        assertThat(awaitRegierungsbezirkCounts()).containsEntry("Köln", 12);
    }

    @Test
    @Order(6)
    void lakiStaffSignInToTheDashboardWithTheirGeneratedPassword() throws Exception {
        // A browser: its own cookies, each redirect looked at. The dashboard is opened at localhost, as printed.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String dashboard = "http://localhost:" + layout.portOf(DevstackLayout.REPORTING);

        URI authorize = redirect(browser, URI.create(dashboard + "/oauth2/authorization/dashboard"));
        assertThat(authorize.toString()).startsWith(layout.issuer() + "/oauth2/authorize?").contains("code_challenge=");
        URI signInForm = redirect(browser, authorize);
        String form = browser.send(HttpRequest.newBuilder(signInForm).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the authorization server's sign-in form").isTrue();
        String password = DevstackSecrets.of(layout).users().get("laki");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(signInForm)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=laki&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        URI backToDashboard = redirect(browser, location(signedIn));
        assertThat(backToDashboard.toString()).startsWith(dashboard + "/login/oauth2/code/dashboard?");
        // The reporting service exchanges the code with the secret the devstack gave it.
        assertThat(redirect(browser, backToDashboard).toString()).isEqualTo(dashboard + "/");

        JsonNode session = JSON.readTree(browser.send(HttpRequest.newBuilder(URI.create(dashboard + "/dashboard/session")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(session.get("signedIn").asBoolean()).isTrue();
        assertThat(session.get("exactNumbers").asBoolean()).isTrue();
    }

    /** Follows one redirect step: GET {@code uri} as a browser navigating, the target of its 302. */
    private static URI redirect(HttpClient browser, URI uri) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + " " + response.body()).isEqualTo(302);
        return location(response);
    }

    private static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    @Order(7)
    void kinetzPushSendsA10000LineCsvThroughTheIntakeIntoTheAggregatesAndASecondPushCountsNothing() throws Exception {
        Path csv = data.resolve("activities.csv");
        List<String> lines = new ArrayList<>();
        lines.add("id;site;occurredOn;field;focusArea;activityType;program;block;measureId;participants;volunteers;sessions;hours;note");
        for (int i = 0; i < 10_000; i++) {
            lines.add(";05974;" + String.format("%02d.%02d.2026", 1 + i % 28, 7 + i % 3)
                    + ";BILDUNG;SEITENEINSTEIGERBERATUNG;ERSTBERATUNG_SEITENEINSTEIGER;;;;" + (5 + i % 7) + ";0;1;2;Beratung " + i);
        }
        Files.write(csv, lines);
        String[] push = {csv.toString(), "--client", "ki-05974",
                "--url", "http://127.0.0.1:" + layout.portOf(DevstackLayout.ACTIVITY_INTAKE),
                "--token-url", layout.issuer() + "/oauth2/token",
                "--secrets-file", layout.secretsFile().toString()};

        assertThat(new picocli.CommandLine(new nrw.kinetz.intake.push.PushCommand()).execute(push)).isZero();
        assertThat(awaitActivitiesInQ3(10_000)).isEqualTo(10_000);

        assertThat(new picocli.CommandLine(new nrw.kinetz.intake.push.PushCommand()).execute(push)).isZero();
        // Wait for a positive signal, not for time: one more activity of the same site (same partition, so it
        // is read after anything the second push may have published) arrives in another quarter.
        int markedBefore = activitiesIn("2026-Q2");
        Path marker = data.resolve("marker.csv");
        Files.write(marker, List.of(lines.get(0),
                ";05974;15.04.2026;BILDUNG;SEITENEINSTEIGERBERATUNG;ERSTBERATUNG_SEITENEINSTEIGER;;;;1;0;1;1;Marker"));
        push[0] = marker.toString();
        assertThat(new picocli.CommandLine(new nrw.kinetz.intake.push.PushCommand()).execute(push)).isZero();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> activitiesIn("2026-Q2") == markedBefore + 1);
        assertThat(awaitActivitiesInQ3(10_000)).isEqualTo(10_000);
    }

    @Test
    @Order(8)
    void indicatorProgressPushedThroughTheIntakeSurvivesARebuildOfProgramTrackingUnchanged() throws Exception {
        Path csv = data.resolve("rucksack.csv");
        Files.write(csv, List.of(
                "id;site;occurredOn;field;focusArea;activityType;program;block;measureId;participants;volunteers;sessions;hours;note",
                ";05974;03.03.2026;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;RUCKSACK_KITA;;;12;0;1;2;Rucksack-Gruppe",
                ";05974;10.03.2026;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;RUCKSACK_KITA;;;9;0;1;2;Rucksack-Gruppe"));
        String[] push = {csv.toString(), "--client", "ki-05974",
                "--url", "http://127.0.0.1:" + layout.portOf(DevstackLayout.ACTIVITY_INTAKE),
                "--token-url", layout.issuer() + "/oauth2/token",
                "--secrets-file", layout.secretsFile().toString()};
        assertThat(new picocli.CommandLine(new nrw.kinetz.intake.push.PushCommand()).execute(push)).isZero();
        int port = layout.portOf(DevstackLayout.PROGRAM_TRACKING);
        String laki = new DevstackTokens(layout).token("laki");
        String indicators = "/api/v1/indicators?site=05974&program=RUCKSACK_KITA&year=2026";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> familiesIn(port, indicators, laki) == 21);
        String before = getJson(port, indicators, laki).toString();

        HttpResponse<String> rebuild = HTTP.send(HttpRequest.newBuilder(uri(port, "/api/v1/admin/indicators/rebuild"))
                .header("Authorization", "Bearer " + laki).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);

        // The read model is dropped and read again from the topic: empty for a moment, then the same figures.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson(port, indicators, laki).toString().equals(before));
        assertThat(familiesIn(port, indicators, laki)).isEqualTo(21);
    }

    private static long familiesIn(int port, String path, String token) throws Exception {
        long families = 0;
        for (JsonNode row : getJson(port, path, token)) {
            if (row.get("indicator").asString().equals("FAMILIES")) {
                families += row.get("actual").asLong();
            }
        }
        return families;
    }

    private static JsonNode getJson(int port, String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The network's activity count in {@code period} as the public aggregates show it now. */
    private static int activitiesIn(String period) throws Exception {
        return getJson(layout.portOf(DevstackLayout.REPORTING),
                "/api/v1/aggregates?measure=activities&period=" + period + "&groupBy=regierungsbezirk").at("/total/activities").asInt();
    }

    @Test
    @Order(9)
    void theDemoSendsSampleActivitiesOfAll54KisThroughTheIntakeAndTheNumbersMoveWithoutDuplicates() throws Exception {
        Demo demo = Demo.against(uri(layout.portOf(DevstackLayout.ACTIVITY_INTAKE), "/"), new DevstackTokens(layout)::token,
                data, message -> System.out.println("[demo-test] " + message));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        List<String> years = Stream.of(today.minusDays(7), today).map(d -> String.valueOf(d.getYear())).distinct().toList();
        int before = activitiesIn(years);
        assertThat(getJson(layout.portOf(DevstackLayout.REPORTING), "/api/v1/sample-data").get("present").asBoolean()).isFalse();

        Intake.Answer history = demo.history(7, Demo.History.AUTO);
        assertThat(history.rejected()).as(history.firstProblem()).isZero();
        assertThat(history.accepted()).isPositive();
        await().atMost(Duration.ofSeconds(90)).until(() -> activitiesIn(years) == before + history.accepted());

        assertThat(demo.live(20, 54, () -> false)).isEqualTo(54);
        await().atMost(Duration.ofSeconds(90)).until(() -> activitiesIn(years) == before + history.accepted() + 54);
        JsonNode bySite = getJson(layout.portOf(DevstackLayout.REPORTING),
                "/api/v1/aggregates?measure=activities&groupBy=site&period=" + today.getYear());
        int reporting = 0;
        for (JsonNode row : bySite.get("rows")) {
            reporting += row.at("/values/activities").asInt() > 0 ? 1 : 0;
        }
        assertThat(reporting).as("KIs with activities this year").isEqualTo(54);

        assertThat(demo.history(7, Demo.History.AUTO).accepted()).as("the history is sent once").isZero();
        Intake.Answer again = demo.history(7, Demo.History.ALWAYS);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicate()).isEqualTo(history.accepted());
        assertThat(activitiesIn(years)).isEqualTo(before + history.accepted() + 54);
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson(layout.portOf(DevstackLayout.REPORTING),
                "/api/v1/sample-data").get("present").asBoolean());
    }

    private static int activitiesIn(List<String> years) throws Exception {
        int total = 0;
        for (String year : years) {
            total += getJson(layout.portOf(DevstackLayout.REPORTING),
                    "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period=" + year).at("/total/activities").asInt();
        }
        return total;
    }

    /** The network's activity count in 2026-Q3 as the public aggregates show it, once it reached {@code expected}. */
    private static int awaitActivitiesInQ3(int expected) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> activitiesIn("2026-Q3"), total -> total >= expected);
    }

    private static Devstack start() throws InterruptedException {
        Devstack stack = new Devstack(layout, message -> System.out.println("[devstack-test] " + message));
        // Known before it starts, so that @AfterAll stops whatever a start that failed half-way left running.
        devstack = stack;
        stack.start(Duration.ofMinutes(4));
        return stack;
    }

    /** ce_ids of nrw.ki.site.registered.v1 records, read to the end of ki.sites.v1 with the SDK's deserializer only. */
    @Test
    @Order(11)
    void kinetzDltListsAPoisonRecordThatReportingSetAsideAndReDrivesItOnce() throws Exception {
        String[] stack = {"--topic", "ki.activities.v1", "--service", "reporting", "--data-dir", data.toString(),
                "--port-offset", String.valueOf(OFFSET)};
        List<String> before = deadLetterIds(dlt("list", stack));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + layout.kafkaPort()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("ki.activities.v1", "05974",
                    "{ not an event".getBytes(StandardCharsets.UTF_8))).get();
        }

        List<String> after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetterIds(dlt("list", stack)), ids -> ids.size() == before.size() + 1);
        String poison = after.stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();

        String[] only = Stream.concat(Stream.of(stack), Stream.of("--id", poison)).toArray(String[]::new);
        assertThat(dlt("redrive", only)).contains("re-drove 1 to ki.activities.v1");
        assertThat(dlt("redrive", only)).contains("re-drove 0 to ki.activities.v1, 1 re-driven before");
    }

    /**
     * The "Organisationskonto" of Excel and Power BI on the OData feed, with tokens from the devstack's authorization
     * server: asked with an empty bearer token the feed names that server's sign-in; a {@code laki} token sees the
     * exact numbers, a {@code viewer} token and no token the public view — each exactly what the aggregates API shows
     * the same caller.
     */
    @Test
    @Order(12)
    void theODataFeedShowsALakiTokenFromTheAuthorizationServerExactNumbersAndViewersAndAnonymousThePublicView() throws Exception {
        int reporting = layout.portOf(DevstackLayout.REPORTING);
        HttpResponse<String> challenge = HTTP.send(HttpRequest.newBuilder(uri(reporting, "/odata/v4/"))
                .header("Authorization", "Bearer").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer authorization_uri=\"" + layout.issuer() + "/oauth2/authorize\"");

        DevstackTokens tokens = new DevstackTokens(layout);
        String laki = tokens.token("laki");
        String viewer = tokens.token("viewer");
        String feed = "/odata/v4/ActivitiesBySite?$filter=" + URLEncoder.encode("period eq 'gesamt'", StandardCharsets.UTF_8)
                .replace("+", "%20") + "&$select=key,participants,volunteers";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, JsonNode> exact = odataRows(reporting, feed, laki);
            Map<String, JsonNode> asViewer = odataRows(reporting, feed, viewer);
            Map<String, JsonNode> anonymous = odataRows(reporting, feed, null);
            assertThat(exact).isEqualTo(apiRows(reporting, laki));
            assertThat(asViewer).isEqualTo(apiRows(reporting, viewer)).isEqualTo(anonymous);
            assertThat(anonymous).isEqualTo(apiRows(reporting, null)).isNotEqualTo(exact);
        });
    }

    /** Each row's people counts as the OData feed shows them: a number, or null when withheld (with its annotation). */
    private static Map<String, JsonNode> odataRows(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        for (JsonNode row : JSON.readTree(response.body()).get("value")) {
            var values = JSON.createObjectNode();
            for (String metric : List.of("participants", "volunteers")) {
                boolean withheld = row.path(metric + "@KiNetz.withheld").asBoolean(false);
                assertThat(row.get(metric).isNull()).as(row + " " + metric).isEqualTo(withheld);
                values.set(metric, row.get(metric));
            }
            rows.put(row.get("key").asString(), values);
        }
        return rows;
    }

    /** The same, as the aggregates API shows them over all time, withheld as null. */
    private static Map<String, JsonNode> apiRows(int port, String token) throws Exception {
        String path = "/api/v1/aggregates?measure=activities&groupBy=site";
        JsonNode answer = token == null ? getJson(port, path) : getJson(port, path, token);
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        for (JsonNode row : answer.get("rows")) {
            var values = JSON.createObjectNode();
            for (String metric : List.of("participants", "volunteers")) {
                JsonNode value = row.get("values").get(metric);
                values.set(metric, value.isObject() ? JSON.nullNode() : value);
            }
            rows.put(row.get("key").asString(), values);
        }
        return rows;
    }

    private static List<String> deadLetterIds(String listed) {
        return Pattern.compile("^ {3}(\\S+) ", Pattern.MULTILINE).matcher(listed).results().map(m -> m.group(1)).toList();
    }

    /** What {@code kinetz dlt <action> …} printed; it must have ended with exit code 0. */
    private static String dlt(String action, String... options) {
        var printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String[] args = Stream.concat(Stream.of(action), Stream.of(options)).toArray(String[]::new);
            assertThat(new picocli.CommandLine(new DltCommand()).execute(args)).isZero();
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    private static List<String> registrationsOnTheTopic() {
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, CloudEvent>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + layout.kafkaPort(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("ki.sites.v1", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if ("nrw.ki.site.registered.v1".equals(r.value().getType())) {
                        ids.add(r.value().getId());
                    }
                });
            }
        }
        return ids;
    }

    private static Map<String, Integer> awaitRegierungsbezirkCounts() throws Exception {
        int reporting = layout.portOf(DevstackLayout.REPORTING);
        JsonNode answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson(reporting, "/api/v1/aggregates?measure=sites&groupBy=regierungsbezirk"),
                        sites -> sites.at("/total/sites").asInt() == 54);
        Map<String, Integer> counts = new java.util.HashMap<>();
        answer.get("rows").forEach(row -> counts.put(row.get("label").asString(), row.at("/values/sites").asInt()));
        return counts;
    }

    private static JsonNode getJson(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(port, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
