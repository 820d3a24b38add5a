package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kinetz dlt}: the dead letters of the services' listeners, listed or re-driven through each service's
 * {@code /api/v1/dead-letters} with a {@code laki} token (docs/architecture.md#dlt).
 */
@Command(name = "dlt", description = "List the dead letters of a topic per service, or re-drive them: "
        + "kinetz dlt [list|redrive] --topic ki.activities.v1 [--service reporting] [--id <id>...]")
final class DltCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "list", paramLabel = "<action>", description = "list (default) or redrive")
    String action;

    @Option(names = "--topic", required = true, description = "The topic, e.g. ki.activities.v1, ki.sites.v1, ki.programs.v1, ki.catalog.v1")
    String topic;

    @Option(names = "--service", description = "Only this service (reporting, program-tracking, …); default: every service")
    String service;

    @Option(names = "--id", description = "redrive: only these dead letters (their id or event id); default: all not yet re-driven")
    List<String> ids;

    @Mixin
    StackOptions stack;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.equals("list") && !action.equals("redrive")) {
            System.err.println("[kinetz] unknown action '" + action + "': list or redrive");
            return 2;
        }
        DevstackLayout layout = stack.layout();
        List<DevstackLayout.Component> services = DevstackLayout.SERVICES.stream()
                .filter(component -> service == null || component.name().equals(service)).toList();
        if (services.isEmpty()) {
            System.err.println("[kinetz] no service '" + service + "'; one of " + DevstackLayout.SERVICES.stream()
                    .map(DevstackLayout.Component::name).toList());
            return 2;
        }
        String token;
        try {
            token = new DevstackTokens(layout).token("laki");
        } catch (IllegalStateException | ConnectException e) {
            System.err.println("[kinetz] no laki token: " + (e.getMessage() == null ? "is the devstack running?" : e.getMessage()));
            return 1;
        }
        int failures = 0;
        for (DevstackLayout.Component component : services) {
            failures += run(component, layout.portOf(component), token, System.out) ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private boolean run(DevstackLayout.Component component, int port, String token, PrintStream out)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?topic=").append(encode(topic));
        if (ids != null) {
            ids.forEach(id -> query.append("&id=").append(encode(id)));
        }
        String path = "/api/v1/dead-letters" + (action.equals("redrive") ? "/redrive" : "") + query;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        request = action.equals("redrive") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            out.println("── " + component.name() + ": not running on port " + port);
            return service == null;
        }
        if (response.statusCode() != 200) {
            out.println("── " + component.name() + ": " + response.statusCode() + " " + response.body());
            return false;
        }
        JsonNode body = json.readTree(response.body());
        if (action.equals("redrive")) {
            out.println("── " + component.name() + ": re-drove " + body.get("redriven").asInt() + " to " + topic
                    + (body.get("skipped").isEmpty() ? "" : ", " + body.get("skipped").size() + " re-driven before"));
            return true;
        }
        out.println("── " + component.name() + ": " + body.size() + " dead letter(s) of " + topic);
        for (JsonNode entry : body) {
            out.println("   " + entry.get("id").asString() + "  " + text(entry, "eventId") + "  " + text(entry, "type")
                    + "  " + text(entry, "deadLetteredAt") + (entry.get("redrivenAt").isNull() ? "" : "  re-driven " + text(entry, "redrivenAt")));
            out.println("      " + text(entry, "exception") + ": " + text(entry, "reason"));
        }
        return true;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
