package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenID issuer on loopback: discovery document and JWKS, so services under test verify real
 * signatures fetched over HTTP exactly as they do against the devstack's authorization server; and a token
 * endpoint for the client-credentials grant of the devstack's clients ({@code laki}, {@code viewer},
 * {@code ki-<siteId>}), so a test can run the push client as a KI system does. It trusts every secret: what is
 * under test is the services, not the authorization server.
 */
final class TestIssuer {

    static final String TOKEN_PATH = "/oauth2/token";

    private static volatile TestIssuer instance;

    private final RSAKey key;
    private final String issuer;

    private TestIssuer() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-kit").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"],"
                    + "\"response_types_supported\":[\"code\"]}";
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
            server.createContext("/jwks", exchange -> respond(exchange, jwks));
            server.createContext(TOKEN_PATH, TestIssuer::token);
            // several threads: one slow answer on a busy machine must not hold up every service's first token check
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "test-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestIssuer instance() {
        TestIssuer local = instance;
        if (local == null) {
            synchronized (TestIssuer.class) {
                local = instance;
                if (local == null) {
                    instance = local = new TestIssuer();
                }
            }
        }
        return local;
    }

    String issuer() {
        return issuer;
    }

    RSAKey key() {
        return key;
    }

    static Map<String, String> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", instance().issuer());
    }

    /** The client-credentials grant: the client id from HTTP Basic authentication decides the token's claims. */
    private static void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String client = exchange.getRequestHeaders().getOrDefault("Authorization", List.of()).stream()
                .filter(value -> value.startsWith("Basic "))
                .map(value -> new String(Base64.getDecoder().decode(value.substring("Basic ".length())), StandardCharsets.UTF_8))
                .map(idAndSecret -> URLDecoder.decode(idAndSecret.substring(0, Math.max(0, idAndSecret.indexOf(':'))), StandardCharsets.UTF_8))
                .findFirst().orElse("");
        String token;
        if (client.equals("laki") || client.equals("viewer")) {
            token = TestTokens.mint(client, List.of(client), null);
        } else if (client.matches("ki-\\d{5}")) {
            token = TestTokens.ki(client.substring("ki-".length()));
        } else {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
