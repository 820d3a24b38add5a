package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import nrw.kinetz.infra.embedded.EmbeddedInfrastructureMain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite: the process that runs the Kafka broker and the store is killed (SIGKILL) several times at
 * random moments while a KI pushes activities; each time the services are killed too and everything is started
 * again, as an operator would. Afterwards every accepted activity is counted exactly once, and pushing the
 * same activities again is answered "duplicate" for every one of them.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CrashConsistencyIntegrationTests {

    /** Ports shifted by this much: beside a developer's devstack and the devstack test's. */
    private static final int OFFSET = 3210;
    private static final int BATCHES = 8;
    private static final int BATCH_SIZE = 500;
    private static final int KILLS = 3;
    private static final String PERIOD = "2025";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Not a temporary folder: the processes' logs stay in target/ to show what happened when this fails. */
    private final Path data = Path.of("target/crash-consistency").toAbsolutePath();
    private final AtomicReference<String> lastProblem = new AtomicReference<>("none");

    private DevstackLayout layout;
    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess auth;
    private Process infrastructure;

    @AfterEach
    void stopEverything() throws InterruptedException {
        killStack();
        if (auth != null) {
            auth.stop(10);
        }
    }

    @Test
    void killingTheBrokerAndStoreProcessMidPushLosesNoAcceptedActivityAndCountsNoneTwice() throws Exception {
        deleteRecursively(data);
        // Surefire runs in infra/devstack; the jars are in the repository two levels up.
        layout = new DevstackLayout(Path.of("../..").toAbsolutePath().normalize(), data, OFFSET);
        auth = ChildProcess.start(layout, DevstackLayout.AUTH_SERVER, ChildProcess.JAVA_OPTIONS, List.of("--server.address=127.0.0.1",
                "--server.port=" + layout.portOf(DevstackLayout.AUTH_SERVER), "--kinetz.auth.data-dir=" + layout.authDir(),
                "--kinetz.auth.issuer=" + layout.issuer(), "--kinetz.auth.dashboard-url=" + layout.dashboardUrl()), Map.of());
        awaitUp(List.of(auth));
        startStack();

        List<List<String>> batches = new ArrayList<>();
        int participants = 0;
        for (int b = 0; b < BATCHES; b++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                int n = 1 + (b * BATCH_SIZE + i) % 9;
                participants += n;
                batch.add(activity(UUID.randomUUID(), n, b * BATCH_SIZE + i));
            }
            batches.add(batch);
        }

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger pushed = new AtomicInteger();
        AtomicReference<Throwable> pushFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread pusher = new Thread(() -> {
            try {
                for (List<String> batch : batches) {
                    JsonNode summary = pushUntilAnswered(batch);
                    for (JsonNode item : summary.get("items")) {
                        assertThat(item.get("status").asString()).as("%s", item).isIn("accepted", "duplicate");
                        answered.add(item.get("id").asString());
                    }
                    pushed.incrementAndGet();
                }
            } catch (Throwable e) {
                pushFailure.set(e);
            } finally {
                done.countDown();
            }
        }, "push");
        pusher.start();

        for (int kill = 1; kill <= KILLS && done.getCount() > 0; kill++) {
            int after = kill * BATCHES / (KILLS + 1);
            await().atMost(Duration.ofMinutes(3)).until(() -> pushed.get() >= after || done.getCount() == 0);
            // a random moment inside the next batch: fault injection, not a timing assertion
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 1_500));
            killStack();
            startStack();
        }
        assertThat(done.await(5, TimeUnit.MINUTES)).as("the push completes; the last problem: %s (logs in %s)",
                lastProblem, data).isTrue();
        assertThat(pushFailure.get()).isNull();
        assertThat(answered).as("every activity was answered accepted or duplicate").hasSize(BATCHES * BATCH_SIZE);

        int expectedParticipants = participants;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> counted().equals(List.of(BATCHES * BATCH_SIZE, expectedParticipants)));

        for (List<String> batch : batches) {
            JsonNode again = pushUntilAnswered(batch);
            assertThat(again.get("duplicate").asInt()).as("a re-push after the crashes is a duplicate").isEqualTo(BATCH_SIZE);
            assertThat(again.get("accepted").asInt()).isZero();
        }
        assertThat(counted()).isEqualTo(List.of(BATCHES * BATCH_SIZE, expectedParticipants));
    }

    /** Activities and participants of {@value #PERIOD} as reporting counts them. */
    /** The LaKI's exact figures: everyone else sees people counts in bands. */
    private List<Integer> counted() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + layout.portOf(DevstackLayout.REPORTING) + "/api/v1/aggregates?measure=activities&groupBy=regierungsbezirk&period="
                + PERIOD)).header("Authorization", "Bearer " + new DevstackTokens(layout).token("laki"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode total = JSON.readTree(response.body()).at("/total");
        return List.of(total.at("/activities").asInt(), total.at("/participants").asInt());
    }

    /** As the push client does: the same batch again after a 503 or a refused connection, until it is answered. */
    private JsonNode pushUntilAnswered(List<String> batch) throws Exception {
        String body = String.join(",", batch);
        for (int attempt = 1; ; attempt++) {
            try {
                String token = new DevstackTokens(layout).token("ki-05974");
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + layout.portOf(DevstackLayout.ACTIVITY_INTAKE) + "/api/v1/activities"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + body + "]")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return JSON.readTree(response.body());
                }
                lastProblem.set(response.statusCode() + " " + response.body());
                assertThat(response.statusCode()).as("answer to a retried batch: %s", response.body()).isIn(429, 503);
            } catch (IOException | IllegalStateException unreachable) {
                // the intake or the authorization server's token endpoint is restarting
                lastProblem.set(unreachable.toString());
            }
            assertThat(attempt).as("attempts for one batch").isLessThan(600);
            Thread.sleep(500);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String activity(UUID id, int participants, int n) {
        return "{\"id\":\"" + id + "\",\"site\":\"05974\",\"occurredOn\":\"2025-" + String.format("%02d-%02d", 1 + n % 12, 1 + n % 28)
                + "\",\"field\":\"BILDUNG\",\"focusArea\":\"SEITENEINSTEIGERBERATUNG\","
                + "\"activityType\":\"ERSTBERATUNG_SEITENEINSTEIGER\",\"metrics\":{\"participants\":" + participants
                + ",\"volunteers\":0,\"sessions\":1,\"hours\":2}}";
    }

    private void startStack() throws Exception {
        startInfrastructure();
        for (DevstackLayout.Component service : List.of(DevstackLayout.ACTIVITY_INTAKE, DevstackLayout.REPORTING)) {
            services.add(ChildProcess.start(layout, service, ChildProcess.JAVA_OPTIONS, List.of("--server.address=127.0.0.1",
                    "--server.port=" + layout.portOf(service),
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + layout.kafkaPort(),
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + layout.mongoPort(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + layout.issuer()),
                    service == DevstackLayout.REPORTING
                            ? Map.of("KINETZ_SECRET_DASHBOARD", DevstackSecrets.of(layout).clientSecret("dashboard"))
                            : Map.of()));
        }
        awaitUp(services);
    }

    /** SIGKILL to the broker-and-store process and to every service: nothing is shut down cleanly. */
    private void killStack() throws InterruptedException {
        if (infrastructure != null) {
            infrastructure.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            infrastructure = null;
        }
        for (ChildProcess service : services) {
            service.kill();
        }
        services.clear();
    }

    /** The broker and the store in a JVM of their own, as the devstack's infrastructure process. */
    private void startInfrastructure() throws Exception {
        Path log = data.resolve("infrastructure.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), EmbeddedInfrastructureMain.class.getName(),
                "--kafka-port", Integer.toString(layout.kafkaPort()), "--mongo-port", Integer.toString(layout.mongoPort()),
                "--data-dir", data.resolve("infrastructure").toString())
                .redirectErrorStream(true).start();
        infrastructure = process;
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "infrastructure-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.await(2, TimeUnit.MINUTES)).as("the infrastructure process is ready; see " + log).isTrue();
    }

    private void awaitUp(List<ChildProcess> processes) {
        HealthProbe probe = new HealthProbe();
        for (ChildProcess process : processes) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("%s is running; the end of its log:%n%s", process.component().name(),
                        process.logTail(30)).isTrue();
                return probe.isUp(layout.portOf(process.component()));
            });
        }
    }
}
