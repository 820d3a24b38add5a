package nrw.kinetz.intake.push;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An access token by the OAuth2 client-credentials grant, fetched again shortly before it expires. */
final class ClientCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenUrl;
    private final String clientId;
    private final String secret;
    private final Messages messages;
    private String token;
    private Instant expires = Instant.MIN;

    ClientCredentials(HttpClient http, URI tokenUrl, String clientId, String secret, Messages messages) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.messages = messages;
    }

    String token() throws IOException, InterruptedException {
        if (token == null || Instant.now().isAfter(expires)) {
            refresh();
        }
        return token;
    }

    void refresh() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new PushException(messages.text("error.token-refused", tokenUrl, clientId, response.statusCode(), response.body()));
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new PushException(messages.text("error.no-access-token", tokenUrl));
        }
        token = accessToken.stringValue();
        long lifetime = body.has("expires_in") ? body.get("expires_in").asLong() : 300;
        // renew a minute early, so a token never expires between two batches
        expires = Instant.now().plusSeconds(Math.max(10, lifetime - 60));
    }

    /** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic authentication. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
