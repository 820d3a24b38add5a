package nrw.kinetz.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** Calls the running service over real HTTP, as the dashboard and the LaKI's systems do. */
public final class ReportingHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ReportingHttp(int port) {
        this.port = port;
    }

    /** GET without a token. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** GET with {@code Authorization: Bearer <token>}. */
    public HttpResponse<String> get(String pathAndQuery, String token) {
        return send(request(pathAndQuery).header("Authorization", TestTokens.bearer(token)).GET().build());
    }

    /** GET with the given headers, name and value alternating, e.g. {@code "Accept", "text/csv"}. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).headers(headers).GET().build());
    }

    /** POST without a body, with {@code Authorization: Bearer <token>} unless the token is null. */
    public HttpResponse<String> post(String pathAndQuery, String token) {
        HttpRequest.Builder request = request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return send(request.build());
    }

    /** DELETE with {@code Authorization: Bearer <token>}. */
    public HttpResponse<String> delete(String pathAndQuery, String token) {
        return send(request(pathAndQuery).header("Authorization", TestTokens.bearer(token)).DELETE().build());
    }

    /** The cursor after the newest feed entry: what a test publishes next comes after it. */
    public String feedEnd() {
        String cursor = "0";
        while (true) {
            JsonNode page = json(get("/api/v1/feed?limit=1000&after=" + cursor));
            if (page.get("changes").isEmpty()) {
                return cursor;
            }
            cursor = page.get("next").asString();
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    public static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
