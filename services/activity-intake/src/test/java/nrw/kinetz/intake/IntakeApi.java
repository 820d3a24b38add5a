package nrw.kinetz.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** Real HTTP against the running intake, as a KI system would call it. */
public final class IntakeApi {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public IntakeApi(int port) {
        this.port = port;
    }

    public HttpResponse<String> report(String contentType, String body, String token) {
        return report("", contentType, body.getBytes(StandardCharsets.UTF_8), token);
    }

    public HttpResponse<String> report(String query, String contentType, String body, String token) {
        return report(query, contentType, body.getBytes(StandardCharsets.UTF_8), token);
    }

    public HttpResponse<String> report(String query, String contentType, byte[] body, String token) {
        return post("/api/v1/activities" + query, contentType, body, token);
    }

    public HttpResponse<String> retract(String activityId, String reason, String token) {
        String body = reason == null ? "" : "{\"reason\":\"" + reason + "\"}";
        return post("/api/v1/activities/" + activityId + "/retraction", reason == null ? null : JSON,
                body.getBytes(StandardCharsets.UTF_8), token);
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String token) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    /** Asserts the status and, for errors, an RFC 9457 problem with an {@code errors} array. */
    public static JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(body.get("status").asInt()).isEqualTo(status);
            assertThat(body.get("errors").isArray()).isTrue();
        }
        return body;
    }
}
