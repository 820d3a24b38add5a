package nrw.kinetz.infra.security;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID provider just big enough to sign a person in to a service under test, on loopback. Its token and
 * JWKS endpoints are real HTTP, called by the service; the authorization step — where a browser would show
 * the provider's sign-in form — is {@link #approve}, which reads the authorization request the service
 * redirected to and answers with the redirect back, as the provider would after a successful sign-in.
 *
 * <p>It is as strict as a real provider where the tests need it: a code is issued for one authorization
 * request with PKCE (S256) only, and exchanged once, only by the registered client with the verifier of that
 * request. The ID token carries the request's nonce, the client as audience and the {@code roles} claim.
 */
final class FakeOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "dashboard";
    static final String CLIENT_SECRET = "dashboard-secret";

    private record Grant(String clientId, String redirectUri, String nonce, String challenge, String subject,
            List<String> roles) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-provider").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server.createContext("/jwks", exchange -> respond(exchange, 200, jwks));
            server.createContext("/token", this::token);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /**
     * The person signs in and consents: from the service's redirect to the authorization endpoint, the
     * redirect back to the service with a code.
     *
     * @throws AssertionError if the authorization request is not one a strict provider would accept
     */
    URI approve(URI authorizationRequest, String subject, List<String> roles) {
        Map<String, String> query = form(authorizationRequest.getRawQuery());
        require("code".equals(query.get("response_type")), "response_type=code", query);
        require(CLIENT_ID.equals(query.get("client_id")), "client_id=" + CLIENT_ID, query);
        require("S256".equals(query.get("code_challenge_method")) && query.get("code_challenge") != null, "PKCE with S256", query);
        require(query.get("state") != null && query.get("nonce") != null && query.get("redirect_uri") != null,
                "state, nonce and redirect_uri", query);
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(CLIENT_ID, query.get("redirect_uri"), query.get("nonce"), query.get("code_challenge"),
                subject, roles));
        return URI.create(query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        String expectedClient = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(UTF_8));
        if (!expectedClient.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !"authorization_code".equals(form.get("grant_type"))
                || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.subject())
                .audience(grant.clientId())
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("nonce", grant.nonce())
                .claim("roles", grant.roles())
                .build());
        respond(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"openid\",\"id_token\":\"" + idToken + "\"}");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers the client {@code dashboard} at this provider, as a service that signs people in does. */
    void registerDashboardClient(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration.dashboard.";
        registry.add(prefix + "client-id", () -> CLIENT_ID);
        registry.add(prefix + "client-secret", () -> CLIENT_SECRET);
        registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(prefix + "scope", () -> "openid");
        registry.add(prefix + "provider", () -> "fake");
        registry.add("spring.security.oauth2.client.provider.fake.authorization-uri", () -> issuer() + "/authorize");
        registry.add("spring.security.oauth2.client.provider.fake.token-uri", () -> issuer() + "/token");
        registry.add("spring.security.oauth2.client.provider.fake.jwk-set-uri", () -> issuer() + "/jwks");
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean condition, String what, Map<String, String> request) {
        if (!condition) {
            throw new AssertionError("the authorization request lacks " + what + ": " + request);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8);
            fields.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8));
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
