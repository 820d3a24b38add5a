package nrw.kinetz.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches client-credentials tokens from the devstack's authorization server with the secrets it generated
 * at first start ({@code <data>/auth/secrets.properties}, owner-only, never committed).
 */
final class DevstackTokens {

    private final DevstackLayout layout;
    private final HttpClient http = HttpClient.newHttpClient();

    DevstackTokens(DevstackLayout layout) {
        this.layout = layout;
    }

    /** @throws IllegalStateException with a message for people when there is no such client or no answer */
    String token(String clientId) throws IOException, InterruptedException {
        String secret = DevstackSecrets.of(layout).clientSecret(clientId);
        String basic = Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(layout.issuer() + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the authorization server answered " + response.statusCode() + ": " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
