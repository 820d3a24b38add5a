package nrw.kinetz.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jwt.SignedJWT;

/**
 * Stopping and starting the devstack again: KI systems keep their secrets and the tokens they hold.
 * The server runs with the issuer configured, as in the devstack.
 */
class RestartIntegrationTests {

    private static final String ISSUER = "http://127.0.0.1:9000";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void afterARestartTheSameSecretsWorkAndTokensIssuedBeforeAreStillValid() throws IOException {
        String token;
        String secretsBefore;
        try (ConfigurableApplicationContext first = start()) {
            secretsBefore = secretsFile();
            token = token(first, "ki-05974", secretOf("ki-05974"));
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(secretsFile()).isEqualTo(secretsBefore);
            assertThat(token(second, "ki-05974", secretOf("ki-05974"))).isNotBlank();

            // A service that fetched the key set after the restart still accepts the old token.
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(uri(second, "/oauth2/jwks").toString()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            Jwt issuedBeforeTheRestart = decoder.decode(token);
            assertThat(issuedBeforeTheRestart.getClaimAsString("site")).isEqualTo("05974");
        }
    }

    @Test
    void theConfiguredIssuerIsInTheDiscoveryDocumentAndTheTokensWhateverHostTheRequestNamed() throws Exception {
        try (ConfigurableApplicationContext server = start()) {
            var discovery = RunningAuthServer.json(send(HttpRequest.newBuilder(
                    uri(server, "/.well-known/openid-configuration"))).body());
            String token = token(server, "laki", secretOf("laki"));

            assertThat(discovery).containsEntry("issuer", ISSUER).containsEntry("jwks_uri", ISSUER + "/oauth2/jwks");
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthServerApplication.class).run(
                "--server.port=0",
                "--kinetz.auth.issuer=" + ISSUER,
                "--kinetz.auth.data-dir=" + dataDir,
                "--spring.main.banner-mode=off");
    }

    private String token(ConfigurableApplicationContext server, String clientId, String secret) {
        var response = send(HttpRequest.newBuilder(uri(server, "/oauth2/token"))
                .header("Authorization", RunningAuthServer.basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) RunningAuthServer.json(response.body()).get("access_token");
    }

    private String secretsFile() throws IOException {
        return Files.readString(dataDir.resolve("secrets.properties"));
    }

    private String secretOf(String clientId) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(secretsFile()));
        return properties.getProperty("client." + clientId + ".secret");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(ConfigurableApplicationContext server, String path) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
