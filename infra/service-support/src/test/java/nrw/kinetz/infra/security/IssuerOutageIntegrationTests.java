package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.test.annotation.DirtiesContext;

import nrw.kinetz.infra.embedded.FreePorts;
import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * The authorization server is a dependency like the store: while its discovery document or keys cannot be fetched,
 * a request with a bearer token is answered 503 problem+json with {@code Retry-After} — not 500, and not 401, which
 * would tell the client its token is bad. The decoder here is built as Spring Boot builds it from
 * {@code issuer-uri}, on first use, for an issuer where nothing listens.
 */
@SpringBootTest(classes = {TestApplication.class, IssuerOutageIntegrationTests.UnreachableIssuer.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IssuerOutageIntegrationTests {

    @TestConfiguration
    static class UnreachableIssuer {
        @Bean
        JwtDecoder unreachableIssuersDecoder() {
            String issuer = "http://127.0.0.1:" + FreePorts.find();
            return new SupplierJwtDecoder(() -> NimbusJwtDecoder.withIssuerLocation(issuer).build());
        }
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aBearerTokenWhileTheIssuerIsUnreachableIs503ProblemWithRetryAfter() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/test/network-decisions"))
                    .header("Authorization", TestTokens.bearer(TestTokens.laki()))
                    .header("Accept-Language", attempt == 0 ? "en" : "de")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("the token is not at fault").isEmpty();
            assertThat(EventJson.mapper().readTree(response.body()).get("errors")).hasSize(1);
            assertThat(EventJson.mapper().readTree(response.body()).get("detail").asString())
                    .contains(attempt == 0 ? "cannot be reached" : "nicht erreichbar");
        }
    }
}
