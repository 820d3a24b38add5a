package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import nrw.kinetz.infra.embedded.FreePorts;
import nrw.kinetz.intake.push.PushCommand;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.testkit.StoppableBroker;
import nrw.kinetz.testkit.StoppableStore;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite: the activity intake and reporting run as processes of their own, on a Kafka broker and a
 * MongoDB wire server of this test that it stops and starts, while a KI pushes a known set of activities with the
 * push client ({@code kinetz push}) through the intake's HTTP API. After each fault every accepted activity is in
 * {@code ki.activities.v1} and counted exactly once by reporting, and reporting's reconciliation (recomputed from
 * the topic) finds no difference. Each fault uses a year of its own, so the counts of one do not blur another's.
 * What a run found is written as rows of the table in docs/reliability.md to
 * {@code target/fault-injection/reliability-table.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FaultInjectionIntegrationTests {

    private static final String SITE = "05974";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(30);
    /** Longer than every retry of the driver (3 s server selection) and of the listeners' bounded retries. */
    private static final Duration STORE_OUTAGE = Duration.ofSeconds(20);

    /** Not a temporary folder: the processes' logs stay in target/ to show what happened when this fails. */
    private final Path data = Path.of("target/fault-injection").toAbsolutePath();
    private final List<String> table = new ArrayList<>();

    private StoppableBroker broker;
    private StoppableStore store;
    private DevstackLayout layout;
    private ChildProcess intake;
    private ChildProcess reporting;
    private int intakePort;
    private int reportingPort;

    @BeforeAll
    void startStack() throws IOException {
        deleteRecursively(data);
        Files.createDirectories(data);
        // Surefire runs in infra/devstack; the jars are in the repository two levels up.
        layout = new DevstackLayout(Path.of("../..").toAbsolutePath().normalize(), data, 0);
        broker = StoppableBroker.started();
        store = StoppableStore.started("fault-injection");
        intakePort = FreePorts.find();
        reportingPort = FreePorts.find();
        intake = start(DevstackLayout.ACTIVITY_INTAKE, intakePort);
        reporting = start(DevstackLayout.REPORTING, reportingPort);
        awaitUp(intake, intakePort);
        awaitUp(reporting, reportingPort);
    }

    @AfterAll
    void stopStack() {
        for (ChildProcess process : new ChildProcess[] {intake, reporting}) {
            if (process != null) {
                process.stop(10);
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (store != null) {
            store.close();
        }
        try {
            Files.write(data.resolve("reliability-table.md"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theBrokerStoppedForThirtySecondsMidPushLosesNothingAcceptedAndCountsNothingTwice() throws Exception {
        Activities activities = Activities.of(2019, 2_000);
        CompletableFuture<Pushed> push = pushInBackground(activities.file(data, "broker"), 100);
        awaitCounted(2019, 1, push);

        broker.stop();
        long stopped = System.nanoTime();
        String refusedId = UUID.randomUUID().toString();
        String refusedActivity = activity(refusedId, 2019, 5, 4);
        HttpResponse<String> refused = post("[" + refusedActivity + "]");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        // the outage: fault injection, not a timing assertion
        Thread.sleep(Math.max(0, BROKER_OUTAGE.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)));
        assertThat(push).as("the push waits for the broker").isNotDone();
        broker.start();

        Pushed pushed = push.get(4, TimeUnit.MINUTES);
        // the refused KI retries after the outage, as the push client does
        JsonNode retried = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post("[" + refusedActivity + "]"), answer -> answer.statusCode() == 202)
                .body().transform(FaultInjectionIntegrationTests::json);
        assertThat(retried.get("accepted").asInt() + retried.get("duplicate").asInt()).isEqualTo(1);

        assertEverythingAcceptedCountedOnce("Kafka broker stopped for 30 s and restarted (same port and log)",
                2019, pushed, activities.plus(refusedId, 4));
    }

    @Test
    void reportingKilledMidBatchAndRestartedCountsEveryAcceptedActivityOnce() throws Exception {
        Activities activities = Activities.of(2020, 3_000);
        CompletableFuture<Pushed> push = pushInBackground(activities.file(data, "reporting-killed"), 250);
        int atKill = awaitCounted(2020, activities.size() / 3, push);

        reporting.kill();
        int countedBefore = atKill;
        assertThat(countedBefore).as("killed while activities were being counted").isBetween(activities.size() / 3,
                activities.size() - 1);
        reporting = start(DevstackLayout.REPORTING, reportingPort);
        awaitUp(reporting, reportingPort);

        Pushed pushed = push.get(4, TimeUnit.MINUTES);
        assertEverythingAcceptedCountedOnce("reporting killed (SIGKILL) in the middle of a batch, after " + countedBefore
                + " of " + activities.size() + " were counted, and started again", 2020, pushed, activities);
    }

    @Test
    void theStoreStoppedLongerThanEveryRetryPausesTheListenersAndNothingIsDeadLettered() throws Exception {
        Activities activities = Activities.of(2021, 2_000);
        CompletableFuture<Pushed> push = pushInBackground(activities.file(data, "store"), 100);
        awaitCounted(2021, 1, push);

        store.stop();
        long stopped = System.nanoTime();
        HttpResponse<String> refused = post("[" + activity(UUID.randomUUID().toString(), 2021, 5, 4) + "]");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> read = get(reportingPort, "/api/v1/aggregates?measure=activities&groupBy=site&period=2021");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        // the outage: fault injection, not a timing assertion
        Thread.sleep(Math.max(0, STORE_OUTAGE.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)));
        assertThat(push).as("the push waits for the store").isNotDone();
        store.start();

        Pushed pushed = push.get(4, TimeUnit.MINUTES);
        assertEverythingAcceptedCountedOnce("MongoDB stopped for 20 s (longer than every retry) and restarted", 2021,
                pushed, activities);
        JsonNode deadLetters = json(get(reportingPort, "/api/v1/dead-letters?topic=" + Topics.ACTIVITIES, TestTokens.laki()));
        assertThat(deadLetters).as("nothing of an outage is dead-lettered").isEmpty();
    }

    @Test
    void tenThousandDuplicateSubmissionsMoveNoCount() throws Exception {
        Activities activities = Activities.of(2022, 2_000);
        Path file = activities.file(data, "duplicates");
        Pushed first = pushInBackground(file, 1_000).get(2, TimeUnit.MINUTES);
        assertThat(first.accepted()).isEqualTo(activities.size());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> counted(2022).equals(List.of(activities.size(), activities.participants())));
        Map<String, Integer> topicBefore = inTopic(activities);
        JsonNode reconciledBefore = reconciliation(2022);

        int duplicates = 0;
        for (int round = 0; round < 5; round++) {
            Pushed again = pushInBackground(file, 1_000).get(2, TimeUnit.MINUTES);
            assertThat(again.accepted()).isZero();
            assertThat(again.rejected()).isZero();
            duplicates += again.duplicate();
        }

        assertThat(duplicates).isEqualTo(10_000);
        assertThat(inTopic(activities)).as("nothing published again").isEqualTo(topicBefore);
        assertThat(counted(2022)).isEqualTo(List.of(activities.size(), activities.participants()));
        JsonNode reconciled = reconciliation(2022);
        assertThat(reconciled.get("differences")).isEmpty();
        assertThat(reconciled.get("events")).isEqualTo(reconciledBefore.get("events"));
        table.add(row("10,000 duplicate submissions (the 2,000 accepted activities pushed five more times)",
                "every one answered duplicate; nothing published again, the counts did not move",
                activities.size(), 0, counted(2022).get(0) - activities.size()));
    }

    /**
     * Every activity the push client and the retried probe got acknowledged is in the topic once or more, reporting
     * counts each exactly once (activities and participants), and the reconciliation finds no difference.
     */
    private void assertEverythingAcceptedCountedOnce(String fault, int year, Pushed pushed, Activities expected) throws Exception {
        assertThat(pushed.exitCode()).as(pushed.output()).isZero();
        assertThat(pushed.accepted() + pushed.duplicate()).as(pushed.output()).isEqualTo(expected.size() - expected.extra());
        Map<String, Integer> topic = inTopic(expected);
        long lost = expected.ids().stream().filter(id -> !topic.containsKey(id)).count();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> counted(year).equals(List.of(expected.size(), expected.participants())));
        JsonNode reconciled = reconciliation(year);
        assertThat(reconciled.get("differences")).as(reconciled.toString()).isEmpty();
        assertThat(lost).isZero();
        List<Integer> counted = counted(year);
        table.add(row(fault, "pushed " + pushed.summary(), expected.size(),
                (int) lost + Math.max(0, expected.size() - counted.get(0)), Math.max(0, counted.get(0) - expected.size())));
    }

    private static String row(String fault, String happened, int accepted, int lost, int twice) {
        return "| " + fault + " | " + happened + " | " + accepted + " | " + lost + " | " + twice + " |";
    }

    /** How often each of {@code expected}'s ids is in {@code ki.activities.v1}. */
    private Map<String, Integer> inTopic(Activities expected) {
        Map<String, Integer> found = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readToEnd(broker.bootstrapServers(), Topics.ACTIVITIES,
                Duration.ofSeconds(30))) {
            Header id = record.headers().lastHeader("ce_id");
            String value = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
            if (value != null && expected.ids().contains(value)) {
                found.merge(value, 1, Integer::sum);
            }
        }
        return found;
    }

    /** Waits until reporting counted {@code least} activities of {@code year}; returns how many it had then. */
    private int awaitCounted(int year, int least, CompletableFuture<Pushed> push) {
        int[] seen = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(push.isCompletedExceptionally()).as("the push failed").isFalse();
            seen[0] = counted(year).get(0);
            return seen[0] >= least;
        });
        return seen[0];
    }

    /** Activities and participants of {@code year} as reporting counts them (exact: the laki sees no suppression). */
    private List<Integer> counted(int year) throws Exception {
        HttpResponse<String> response = get(reportingPort, "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period="
                + year, TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode total = json(response).at("/total");
        return List.of(total.at("/activities").asInt(), total.at("/participants").asInt());
    }

    private JsonNode reconciliation(int year) throws Exception {
        HttpResponse<String> response = get(reportingPort, "/api/v1/admin/reconciliation?period=" + year, TestTokens.laki());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** {@code kinetz push} as a KI runs it, in this JVM, with its client-credentials token from the test issuer. */
    private CompletableFuture<Pushed> pushInBackground(Path file, int batchSize) throws IOException {
        Path secrets = data.resolve("secrets.properties");
        Files.writeString(secrets, "client.ki-" + SITE + ".secret=fault-suite\n");
        List<String> arguments = List.of("--lang", "en", "--client", "ki-" + SITE, "--url", "http://127.0.0.1:" + intakePort,
                "--token-url", TestTokens.tokenUri(), "--secrets-file", secrets.toString(), "--batch-size",
                Integer.toString(batchSize), "--max-wait", "PT5M", file.toString());
        return CompletableFuture.supplyAsync(() -> {
            StringWriter output = new StringWriter();
            CommandLine command = new CommandLine(new PushCommand());
            command.setOut(new PrintWriter(output, true));
            command.setErr(new PrintWriter(output, true));
            int exitCode = command.execute(arguments.toArray(String[]::new));
            return Pushed.of(exitCode, output.toString());
        });
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intakePort + "/api/v1/activities"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(TestTokens.ki(SITE)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return get(port, path, null);
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private ChildProcess start(DevstackLayout.Component service, int port) {
        return ChildProcess.start(layout, service, ChildProcess.JAVA_OPTIONS, List.of("--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.mongodb.uri=" + store.connectionString(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.issuerUri(),
                // a scheduled reconciliation would repair what the suite must find
                "--kinetz.reporting.reconciliation-delay=PT24H"),
                Map.of("LOGGING_LEVEL_NRW_KINETZ_REPORTING_ACTIVITY_ADAPTER", "INFO"));
    }

    private static void awaitUp(ChildProcess process, int port) {
        HealthProbe probe = new HealthProbe();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("%s is running; the end of its log:%n%s", process.component().name(),
                    process.logTail(30)).isTrue();
            return probe.isUp(port);
        });
    }

    private static String activity(String id, int year, int n, int participants) {
        return "{\"id\":\"" + id + "\",\"site\":\"" + SITE + "\",\"occurredOn\":\"" + year + "-"
                + String.format("%02d-%02d", 1 + n % 12, 1 + n % 28)
                + "\",\"field\":\"BILDUNG\",\"focusArea\":\"SEITENEINSTEIGERBERATUNG\","
                + "\"activityType\":\"ERSTBERATUNG_SEITENEINSTEIGER\",\"metrics\":{\"participants\":" + participants
                + ",\"volunteers\":0,\"sessions\":1,\"hours\":2}}";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * A known set of activities of one year: ids, one NDJSON line each, and their participants.
     *
     * @param extra how many of them were not in the pushed file (sent on their own)
     */
    private record Activities(List<String> ids, List<String> lines, int participants, int extra) {

        static Activities of(int year, int count) {
            List<String> ids = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            int participants = 0;
            for (int n = 0; n < count; n++) {
                String id = UUID.randomUUID().toString();
                int people = 1 + n % 9;
                ids.add(id);
                lines.add(activity(id, year, n, people));
                participants += people;
            }
            return new Activities(List.copyOf(ids), List.copyOf(lines), participants, 0);
        }

        Activities plus(String id, int people) {
            List<String> more = new ArrayList<>(ids);
            more.add(id);
            return new Activities(List.copyOf(more), lines, participants + people, extra + 1);
        }

        int size() {
            return ids.size();
        }

        Path file(Path dir, String name) {
            Path file = dir.resolve(name + ".ndjson");
            try {
                Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /** What {@code kinetz push} reported. */
    private record Pushed(int exitCode, int accepted, int duplicate, int rejected, String output) {

        private static final Pattern LINE = Pattern.compile("(?m)^\\s*(accepted|duplicate|rejected)\\s+([\\d,]+)");

        static Pushed of(int exitCode, String output) {
            Map<String, Integer> figures = new HashMap<>();
            Matcher matcher = LINE.matcher(output);
            while (matcher.find()) {
                figures.put(matcher.group(1), Integer.parseInt(matcher.group(2).replace(",", "")));
            }
            return new Pushed(exitCode, figures.getOrDefault("accepted", -1), figures.getOrDefault("duplicate", -1),
                    figures.getOrDefault("rejected", -1), output);
        }

        String summary() {
            return accepted + " accepted, " + duplicate + " duplicate, " + rejected + " rejected";
        }
    }
}
