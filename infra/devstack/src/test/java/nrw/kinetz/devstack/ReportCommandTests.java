package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/**
 * {@code kinetz report}: what it asks reporting for and where it writes the answers, against a stand-in for
 * reporting's report endpoints on the port the port offset points to.
 */
class ReportCommandTests {

    private HttpServer reporting;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void standIn() throws IOException {
        reporting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        reporting.createContext("/api/v1/reports/annual/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] body = exchange.getRequestURI().getPath().endsWith("2999.html")
                    ? "{\"status\":400}".getBytes(StandardCharsets.UTF_8)
                    : ("report " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().contains("2999") ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        reporting.start();
    }

    @AfterEach
    void stop() {
        reporting.stop(0);
    }

    @Test
    void thePublicEditionIsWrittenAsHtmlAndPdf(@TempDir Path out) throws IOException {
        int exit = run("report", "2026", "--edition", "public", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(asked).containsExactly("/api/v1/reports/annual/2026.html?edition=public",
                "/api/v1/reports/annual/2026.pdf?edition=public");
        assertThat(Files.readString(out.resolve("jahresbericht-2026.html"))).isEqualTo(
                "report /api/v1/reports/annual/2026.html?edition=public");
        assertThat(out.resolve("jahresbericht-2026.pdf")).exists();
    }

    @Test
    void aRefusedReportEndsWithExitCodeOneAndNoFile(@TempDir Path out) {
        int exit = run("report", "2999", "--edition", "public", "--out", out.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.resolve("jahresbericht-2999.html")).doesNotExist();
    }

    @Test
    void anUnknownEditionIsRefusedBeforeAnythingIsAsked(@TempDir Path out) {
        int exit = run("report", "2026", "--edition", "intern", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(asked).isEmpty();
    }

    private int run(String... args) {
        int offset = reporting.getAddress().getPort() - DevstackLayout.REPORTING.port();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--port-offset";
        all[args.length + 1] = Integer.toString(offset);
        return new CommandLine(new Kinetz()).execute(all);
    }
}
