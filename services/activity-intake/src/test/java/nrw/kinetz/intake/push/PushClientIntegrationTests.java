package nrw.kinetz.intake.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import picocli.CommandLine;

/**
 * {@code kinetz push} against the running intake: the client a KI uses, with a client-credentials token
 * endpoint standing in for the authorization server (it hands out tokens of the test issuer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class PushClientIntegrationTests {

    private static final String SECRET = "test-secret";

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path dir;

    private HttpServer tokenEndpoint;
    private ActivityTopic topic;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp(TestInfrastructure infrastructure) throws IOException {
        topic = new ActivityTopic(infrastructure.kafkaBootstrapServers());
        tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenEndpoint.createContext("/oauth2/token", this::issueToken);
        tokenEndpoint.start();
    }

    @AfterEach
    void tearDown() {
        tokenEndpoint.stop(0);
    }

    @Test
    void tenThousandLineCsvIsAcceptedAndPushingItAgainCountsNothingTwice() throws IOException {
        Path file = csv("05974", 10_000, Map.of());
        long before = topic.size();

        int first = push(file, "ki-05974");
        String firstSummary = out.toString();
        long afterFirst = topic.size();
        out.getBuffer().setLength(0);
        int second = push(file, "ki-05974");

        assertThat(first).as(err.toString()).isZero();
        assertThat(firstSummary).contains("10,000 activities in 10 batches", "accepted      10,000", "rejected           0");
        assertThat(afterFirst - before).isEqualTo(10_000);
        assertThat(second).isZero();
        assertThat(out.toString()).contains("duplicate     10,000");
        assertThat(topic.size()).isEqualTo(afterFirst);
    }

    @Test
    void rejectedRowsAreListedWithTheirLinesInTheFileAcrossBatches() throws IOException {
        Path file = csv("05974", 1_500, Map.of(7, row -> row.replace("ELTERNBILDUNG", "SCHWIMMEN"),
                1_203, row -> row.replaceFirst(";(\\d+);(\\d+);(\\d+);(\\d+);", ";-$1;$2;$3;$4;")));
        long before = topic.size();

        int exit = push(file, "ki-05974");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("accepted       1,498", "rejected           2",
                "line 7: Handlungsfeld: 'SCHWIMMEN' is not a focus area", "line 1203: Teilnehmende: must be ≥ 0");
        assertThat(topic.size() - before).isEqualTo(1_498);
    }

    @Test
    void aThrottledClientWaitsForTheIntakeAndEverythingArrives() throws IOException {
        // ki-05958-slow may send one request every 8 s (config/application.properties of the tests)
        Path file = csv("05958", 2_500, Map.of());
        long before = topic.size();

        int exit = push(file, "ki-05958-slow");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("rate limit reached: retrying batch");
        assertThat(out.toString()).contains("accepted       2,500");
        assertThat(topic.size() - before).isEqualTo(2_500);
    }

    @Test
    void aCsvSavedByGermanExcelInWindows1252ArrivesOnKafkaWithItsTextIntact() throws IOException {
        List<Activities> activities = List.of(Activities.of("05974").with("note", "Elterncafé Bürgerhaus"),
                Activities.of("05974").with("note", "Grüße an „alle“ – Straße für 5 €"));
        Path file = dir.resolve("excel-05974.csv");
        Files.write(file, Activities.csv(activities, ';').getBytes(Charset.forName("windows-1252")));

        int exit = push(file, "ki-05974");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("accepted           2");
        for (Activities activity : activities) {
            var records = topic.withIds(List.of(activity.id()));
            assertThat(records).hasSize(1);
            assertThat(EventJson.mapper().readTree(ActivityTopic.value(records.get(0))).get("note").asString())
                    .isEqualTo(activity.get("note"));
        }
    }

    @Test
    void aCsvThatIsNeitherUtf8NorWindows1252IsRefusedBeforeAnythingIsSent() throws IOException {
        Path file = dir.resolve("utf16-05974.csv");
        Files.write(file, Activities.csv(List.of(Activities.of("05974").with("note", "Übergang")), ';')
                .getBytes(StandardCharsets.UTF_16));
        long before = topic.size();

        int exit = push(file, "ki-05974");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("UTF-16", "nothing was sent");
        assertThat(topic.size()).isEqualTo(before);
    }

    /**
     * A spreadsheet export: German dates, no ids, and some rows that are identical on purpose. The note names
     * the run, so that files of different tests never share content (and with it derived ids).
     */
    private Path csv(String site, int rows, Map<Integer, java.util.function.UnaryOperator<String>> edits) throws IOException {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", ActivityCsv.COLUMNS));
        LocalDate today = LocalDate.now(Activities.BERLIN);
        for (int i = 0; i < rows; i++) {
            int variant = i % 100 == 99 ? i - 1 : i; // every hundredth row repeats the one before it
            LocalDate day = today.minusDays(1 + variant % 300);
            String row = ";" + site + ";" + day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear()
                    + ";BILDUNG;ELTERNBILDUNG;ELTERNPROGRAMM;RUCKSACK_KITA;;;" + (5 + variant % 17) + ";" + variant % 3
                    + ";1;2;Gruppe " + variant / 300 + " (" + run + ")";
            int line = lines.size() + 1;
            lines.add(edits.containsKey(line) ? edits.get(line).apply(row) : row);
        }
        Path file = dir.resolve("activities-" + site + ".csv");
        Files.write(file, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private int push(Path file, String client) {
        String tokenUrl = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/oauth2/token";
        CommandLine command = new CommandLine(new PushCommand(Map.of("KINETZ_CLIENT_SECRET", SECRET)::get,
                duration -> Thread.sleep(duration.toMillis())));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(file.toString(), "--client", client, "--url", "http://127.0.0.1:" + port,
                "--token-url", tokenUrl);
    }

    /** Client credentials as the devstack's authorization server grants them: ki-<site>[-suffix] gets role ki and its site. */
    private void issueToken(HttpExchange exchange) throws IOException {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String[] credentials = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        boolean known = credentials[0].startsWith("ki-") && credentials[1].equals(SECRET);
        String body = known
                ? "{\"access_token\":\"" + TestTokens.mint(credentials[0], List.of("ki"), credentials[0].substring(3, 8))
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                : "{\"error\":\"invalid_client\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(known ? 200 : 401, bytes.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }
}
