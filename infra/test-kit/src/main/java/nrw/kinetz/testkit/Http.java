package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nrw.kinetz.model.event.EventJson;
import tools.jackson.databind.JsonNode;

/** Real HTTP against the service under test, the way a KI system or a browser calls it. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return EventJson.mapper().readTree(bytes);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code detail} of every entry of a problem's {@code errors} array, joined, for assertions. */
        public String errorDetails() {
            StringBuilder details = new StringBuilder();
            json().get("errors").forEach(error -> details.append(error.get("detail").asString()).append('\n'));
            return details.toString();
        }

        /** The {@code pointer}s of a problem's {@code errors} array. */
        public List<String> errorPointers() {
            List<String> pointers = new ArrayList<>();
            json().get("errors").forEach(error -> {
                if (error.has("pointer")) {
                    pointers.add(error.get("pointer").asString());
                }
            });
            return pointers;
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /**
     * @param token   access token or null for an anonymous call
     * @param ifMatch the If-Match header or null
     * @param json    the body, sent as application/json
     */
    public Response send(String method, String path, String token, String ifMatch, String json) {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
