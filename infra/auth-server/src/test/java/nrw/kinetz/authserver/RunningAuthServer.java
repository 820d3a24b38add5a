package nrw.kinetz.authserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The authorization server on a random port with a fresh data directory, shared by the integration tests
 * (one Spring context for all of them). The issuer is left blank so that it follows the random port,
 * as {@code http://127.0.0.1:<port>}; the viewer's secret is overridden the way the environment would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kinetz.auth.issuer=",
        "KINETZ_SECRET_VIEWER=" + RunningAuthServer.VIEWER_SECRET_FROM_ENVIRONMENT})
abstract class RunningAuthServer {

    static final String VIEWER_SECRET_FROM_ENVIRONMENT = "viewer-secret-from-the-environment";

    static final Path DATA_DIR = createDataDirectory();

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("kinetz.auth.data-dir", () -> DATA_DIR.resolve("auth").toString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path secretsFile() {
        return DATA_DIR.resolve("auth/secrets.properties");
    }

    /** Reads an entry the way the launcher does: from the secrets file. */
    String fromSecretsFile(String property) {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(secretsFile())));
            return properties.getProperty(property);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String clientSecret(String clientId) {
        return fromSecretsFile("client." + clientId + ".secret");
    }

    /** A client-credentials request authenticated with HTTP Basic ({@code client_secret_basic}). */
    HttpResponse<String> clientCredentials(String clientId, String secret) {
        return post("/oauth2/token", Map.of("grant_type", "client_credentials"), basic(clientId, secret));
    }

    HttpResponse<String> post(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String clientId, String secret) {
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
        String credentials = URLEncoder.encode(clientId, UTF_8) + ":" + URLEncoder.encode(secret, UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }

    private static Path createDataDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "auth-server-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
