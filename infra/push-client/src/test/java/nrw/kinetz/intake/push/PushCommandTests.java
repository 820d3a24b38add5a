package nrw.kinetz.intake.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/** The client's behaviour against a scripted intake and token endpoint on loopback. */
class PushCommandTests {

    private static final String HEADER = "site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours";
    private static final String ROW = "05974;03.11.2025;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;9;2;1;2";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private double random;

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, new Answer(200, Map.of(), "{\"access_token\":\"t0ken\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        });
        server.createContext("/api/v1/activities", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            languages.add(exchange.getRequestHeaders().getFirst("Accept-Language"));
            respond(exchange, answers.isEmpty() ? new Answer(500, Map.of(), "{}") : answers.poll());
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void waitsAsToldOn429And503ThenReportsAcceptedAndRejectedLinesOfTheFile() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n\n" + ROW.replace(";9;", ";-9;") + "\n");
        answers.add(new Answer(429, Map.of("Retry-After", "3"), "{\"status\":429,\"errors\":[]}"));
        answers.add(new Answer(503, Map.of("Retry-After", "1"), "{\"status\":503,\"errors\":[]}"));
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"},"
                + "{\"index\":1,\"line\":3,\"status\":\"rejected\",\"errors\":[{\"line\":3,\"detail\":\"participants: must be ≥ 0\"}]}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
        assertThat(bodies).hasSize(3).allSatisfy(body -> assertThat(body).startsWith("Kennung;KI;Datum"));
        assertThat(out.toString()).contains("\n  accepted           1", "\n  rejected           1", "\n    line 4: participants: must be ≥ 0");
        assertThat(authorizations.get(0)).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("ki-05974:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStoreFaultStopsThePushAtOnceWithTheIntakesReasonWhileAGatewayErrorIsRetried() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n");
        answers.add(new Answer(502, Map.of(), "bad gateway"));
        answers.add(new Answer(500, Map.of(), "{\"status\":500,\"title\":\"Store fault\",\"detail\":\"the store refused the write\","
                + "\"errors\":[]}"));
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(2);
        assertThat(bodies).as("one retry after the 502, none after the 500").hasSize(2);
        assertThat(err.toString()).contains("500", "the store refused the write");
    }

    @Test
    void aRefusedBatchCountsAllItsRowsAndNamesTheirLines() throws IOException {
        Path file = csv(HEADER + "\n" + ROW.replace("05974", "05966") + "\n" + ROW + "\n");
        answers.add(new Answer(403, Map.of(), "{\"status\":403,\"errors\":[{\"line\":2,\"detail\":\"site: a token of site 05974"
                + " may not report for site 05966\"}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("rejected           2", "line 2: site: a token of site 05974 may not report for site 05966");
    }

    @Test
    void aHeaderTheIntakeRefusesStopsThePush() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n");
        answers.add(new Answer(400, Map.of(), "{\"status\":400,\"errors\":[{\"line\":1,\"detail\":\"header: unknown column\"}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("header row cannot be used: header: unknown column");
    }

    @Test
    void anUnknownColumnIsFoundBeforeAnythingIsSent() throws IOException {
        Path file = csv(HEADER + ";teilnehmer\n" + ROW + ";1\n");

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(2);
        assertThat(bodies).isEmpty();
        assertThat(err.toString()).contains("line 1", "unknown column 'teilnehmer'");
    }

    @Test
    void theSecretComesFromTheDevstackFileWhenTheEnvironmentHasNone() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n");
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "client.ki-05974.secret=from-file\nclient.laki.secret=other\n");
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"duplicate\"}]}"));

        int exit = push(file, Map.of(), "--secrets-file", secrets.toString());

        assertThat(exit).isZero();
        assertThat(authorizations.get(0)).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("ki-05974:from-file".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.toString()).contains("duplicate          1");
    }

    @Test
    void withoutASecretNothingIsSent() throws IOException {
        int exit = push(csv(HEADER + "\n" + ROW + "\n"), Map.of(), "--secrets-file", dir.resolve("none").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no secret for client ki-05974: set KINETZ_CLIENT_SECRET");
        assertThat(bodies).isEmpty();
    }

    @Test
    void ndjsonLinesAreSentAsTheyAreAndBlankLinesKeepTheFileNumbering() throws IOException {
        Path file = dir.resolve("activities.ndjson");
        Files.writeString(file, "{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n");
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":1,\"status\":\"accepted\"},"
                + "{\"index\":1,\"line\":2,\"status\":\"rejected\",\"errors\":[{\"line\":2,\"pointer\":\"/id\",\"detail\":\"not a UUID\"}]}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isEqualTo(1);
        assertThat(bodies.get(0)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
        assertThat(out.toString()).contains("line 3: /id: not a UUID");
    }

    @Test
    void anIntakeThatStaysUnavailableEndsThePushAfterTheAllowedWait() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n");
        for (int i = 0; i < 10; i++) {
            answers.add(new Answer(503, Map.of("Retry-After", "5"), "{\"status\":503,\"errors\":[]}"));
        }

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret"), "--max-wait", "PT12S");

        assertThat(exit).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(err.toString()).contains("intake unavailable; gave up on batch 1", "Run the same command again later");
    }

    @Test
    void everyPauseIsStretchedByARandomPartOfUpToHalfItsLength() throws IOException {
        random = 0.5;
        answers.add(new Answer(503, Map.of(), "{\"status\":503,\"errors\":[]}"));
        answers.add(new Answer(429, Map.of("Retry-After", "4"), "{\"status\":429,\"errors\":[]}"));
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));

        int exit = push(csv(HEADER + "\n" + ROW + "\n"), Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isZero();
        assertThat(sleeps).as("1 s of backoff and the 4 s asked for, each a quarter longer")
                .containsExactly(Duration.ofMillis(1250), Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsWaitedFor() throws IOException {
        answers.add(new Answer(429, Map.of("Retry-After", "Fri, 04 Dec 2026 20:00:07 GMT"), "{\"status\":429,\"errors\":[]}"));
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));

        int exit = push(csv(HEADER + "\n" + ROW + "\n"), Map.of("KINETZ_CLIENT_SECRET", "s3cret"));

        assertThat(exit).isZero();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void anUnexpectedErrorHasAnExitCodeOfItsOwnAndSaysWhatHappened() throws IOException {
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));
        answers.add(new Answer(202, Map.of(), "{\"unexpected\":true}"));

        int exit = push(csv(HEADER + "\n" + ROW + "\n" + ROW + "\n"), Map.of("KINETZ_CLIENT_SECRET", "s3cret"), "--batch-size", "1");

        assertThat(exit).as("neither 1 (rejected rows) nor 2 (stopped)").isEqualTo(PushCommand.UNEXPECTED_ERROR);
        assertThat(err.toString()).contains("kinetz push: unexpected error: java.lang.NullPointerException");
        assertThat(out.toString()).as("what got through before").contains("Stopped activities.csv", "accepted           1");
    }

    @Test
    void theHelpListsTheExitCodes() {
        CommandLine command = new CommandLine(new PushCommand());
        String help = command.getUsageMessage();

        assertThat(help).contains("Exit codes:", "0   everything accepted", "1   some activities were rejected",
                "2   the push did not start or stopped", "3   an unexpected error");
    }

    @Test
    void speaksGermanWhenTheLocaleIsGermanAndAsksTheIntakeForGerman() throws IOException {
        Path file = csv(HEADER + "\n" + ROW + "\n\n" + ROW.replace(";9;", ";-9;") + "\n");
        answers.add(new Answer(503, Map.of("Retry-After", "1"), "{\"status\":503,\"errors\":[]}"));
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"},"
                + "{\"index\":1,\"line\":3,\"status\":\"rejected\",\"errors\":[{\"line\":3,\"detail\":\"participants: muss ≥ 0 sein\"}]}]}"));

        int exit = push(file, Map.of("KINETZ_CLIENT_SECRET", "s3cret", "LANG", "de_DE.UTF-8"));

        assertThat(exit).isEqualTo(1);
        assertThat(languages).containsOnly("de");
        assertThat(out.toString()).contains("Gesendet: activities.csv als ki-05974", "2 Aktivitäten in 1 Stapel",
                "angenommen         1", "abgelehnt          1", "Zeile 4: participants: muss ≥ 0 sein");
        assertThat(err.toString()).contains("Annahme nicht verfügbar: Stapel 1 wird in 1 s erneut gesendet");
    }

    @Test
    void langOverridesTheEnvironmentAndLcAllComesBeforeLang() throws IOException {
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));
        push(csv(HEADER + "\n" + ROW + "\n"), Map.of("KINETZ_CLIENT_SECRET", "s3cret", "LANG", "de_DE.UTF-8"), "--lang", "en");
        answers.add(new Answer(202, Map.of(), "{\"items\":[{\"index\":0,\"line\":2,\"status\":\"accepted\"}]}"));
        push(csv(HEADER + "\n" + ROW + "\n"), Map.of("KINETZ_CLIENT_SECRET", "s3cret", "LC_ALL", "de_AT.UTF-8", "LANG", "en_US.UTF-8"));

        assertThat(languages).containsExactly("en", "de");
        assertThat(out.toString()).contains("Pushed activities.csv", "Gesendet: activities.csv");
    }

    @Test
    void anErrorIsExplainedInGermanToo() throws IOException {
        int exit = push(csv(HEADER + "\n" + ROW + "\n"), Map.of("LANG", "de_DE.UTF-8"), "--secrets-file", dir.resolve("none").toString());

        assertThat(exit).isEqualTo(PushCommand.STOPPED);
        assertThat(err.toString()).contains("kinetz push: kein Geheimnis für den Client ki-05974: setzen Sie KINETZ_CLIENT_SECRET");
    }

    @Test
    void theHelpIsGermanForAGermanLocale() {
        String help = PushCommand.commandLine(java.util.Locale.GERMAN).getUsageMessage();

        assertThat(help).contains("Sendet Aktivitätsmeldungen", "Exit-Codes:", "0   alles angenommen",
                "3   ein unerwarteter Fehler", "--lang=<de|en>", "Sprache der Ausgabe", "Zeigt diese Hilfe");
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("activities.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private int push(Path file, Map<String, String> environment, String... more) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> args = new ArrayList<>(List.of(file.toString(), "--client", "ki-05974", "--url", base,
                "--token-url", base + "/oauth2/token"));
        args.addAll(List.of(more));
        if (!args.contains("--secrets-file")) {
            args.addAll(List.of("--secrets-file", dir.resolve("absent.properties").toString()));
        }
        CommandLine command = new CommandLine(new PushCommand(environment::get, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), () -> random));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args.toArray(String[]::new));
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
