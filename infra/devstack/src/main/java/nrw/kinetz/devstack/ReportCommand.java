package nrw.kinetz.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kinetz report 2026}: the network's annual report from the running reporting service, both editions as
 * HTML and PDF (the internal one with a {@code laki} token), written into one folder.
 */
@Command(name = "report", description = "Write the annual report of a year as HTML and PDF, public and internal edition: "
        + "kinetz report 2026 [--out target/report] [--edition public|internal|both]")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<year>", description = "The reported year, e.g. 2026")
    String year;

    @Option(names = "--out", defaultValue = "target/report", description = "Folder for the files (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--edition", defaultValue = "both", description = "public, internal or both (default)")
    String edition;

    @Mixin
    StackOptions stack;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!edition.equals("public") && !edition.equals("internal") && !edition.equals("both")) {
            System.err.println("[kinetz] unknown edition '" + edition + "': public, internal or both");
            return 2;
        }
        DevstackLayout layout = stack.layout();
        String token = null;
        if (!edition.equals("public")) {
            try {
                token = new DevstackTokens(layout).token("laki");
            } catch (IllegalStateException | ConnectException e) {
                System.err.println("[kinetz] no laki token: " + (e.getMessage() == null ? "is the devstack running?" : e.getMessage()));
                return 1;
            }
        }
        Files.createDirectories(out);
        String base = "http://127.0.0.1:" + layout.portOf(DevstackLayout.REPORTING) + "/api/v1/reports/annual/" + year;
        for (String which : edition.equals("both") ? new String[] {"public", "internal"} : new String[] {edition}) {
            boolean internal = which.equals("internal");
            String name = "jahresbericht-" + year + (internal ? "-intern" : "");
            for (String extension : new String[] {"html", "pdf"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "." + extension + "?edition=" + which)).GET();
                if (internal) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException e) {
                    System.err.println("[kinetz] reporting does not answer on " + base + ": is the devstack running?");
                    return 1;
                }
                if (response.statusCode() != 200) {
                    System.err.println("[kinetz] " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                    return 1;
                }
                Path file = out.resolve(name + "." + extension);
                Files.write(file, response.body());
                System.out.println(file);
            }
        }
        return 0;
    }
}
