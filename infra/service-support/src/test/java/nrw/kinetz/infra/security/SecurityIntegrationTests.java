package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class SecurityIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JwtDecoder decoder;

    @Test
    void readingIsPublicAndAnonymousCallersSeeSuppressedNumbers() throws Exception {
        assertThat(send("GET", "/test/public", null).body()).isEqualTo("suppressed");
        assertThat(send("GET", "/test/public", TestTokens.viewer()).body()).isEqualTo("suppressed");
        assertThat(send("GET", "/test/public", TestTokens.laki()).body()).isEqualTo("exact");
    }

    @Test
    void writeWithoutATokenIs401ProblemWithABearerChallenge() throws Exception {
        var response = send("POST", "/test/network-decisions", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(EventJson.mapper().readTree(response.body()).get("errors")).hasSize(1);
    }

    @Test
    void lakiOnlyWriteIsForbiddenForViewerAndKiAndAllowedForLaki() throws Exception {
        assertThat(send("POST", "/test/network-decisions", TestTokens.viewer()).statusCode()).isEqualTo(403);
        var ki = send("POST", "/test/network-decisions", TestTokens.ki("05974"));
        assertThat(ki.statusCode()).isEqualTo(403);
        assertThat(ki.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(send("POST", "/test/network-decisions", TestTokens.laki()).statusCode()).isEqualTo(201);
    }

    @Test
    void endpointRolesAreCheckedBeforeTheBodySoACallerWithoutTheRoleGets403ForAnyBody() throws Exception {
        assertThat(sendJson("/test/network-decisions/validated", TestTokens.viewer(), "{}").statusCode()).isEqualTo(403);
        assertThat(sendJson("/test/network-decisions/validated", TestTokens.ki("05974"), "not json").statusCode()).isEqualTo(403);
        assertThat(sendJson("/test/network-decisions/validated", null, "{}").statusCode()).isEqualTo(401);
        assertThat(sendJson("/test/network-decisions/validated", TestTokens.laki(), "{}").statusCode()).isEqualTo(400);
        assertThat(sendJson("/test/network-decisions/validated", TestTokens.laki(), "{\"title\":\"KOMM-AN 2027\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void kiTokenActsForItsOwnSiteOnly() throws Exception {
        assertThat(send("POST", "/test/sites/05974/reports", TestTokens.ki("05974")).statusCode()).isEqualTo(202);
        var other = send("POST", "/test/sites/05978/reports", TestTokens.ki("05974"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("a token of site 05974 may not act for site 05978");
        assertThat(send("POST", "/test/sites/05978/reports", TestTokens.laki()).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/test/sites/05978/reports", TestTokens.viewer()).statusCode()).isEqualTo(403);
    }

    @Test
    void theIssuersDecoderRemembersVerifiedTokensAndRefusalsStayRefusals() throws Exception {
        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        String laki = TestTokens.laki();
        assertThat(send("POST", "/test/network-decisions", laki).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/test/network-decisions", laki).statusCode()).isEqualTo(201);
        String forged = TestTokens.withForeignSignature();
        assertThat(send("POST", "/test/network-decisions", forged).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/test/network-decisions", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void tokensOfAnUnknownIssuerWithAForeignSignatureOrExpiredAreRefused() throws Exception {
        assertThat(send("POST", "/test/network-decisions", TestTokens.fromUnknownIssuer()).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/test/network-decisions", TestTokens.withForeignSignature()).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/test/network-decisions", TestTokens.expired()).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/test/network-decisions", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWhoseAudienceDoesNotNameThisServiceIsRefusedWith401AlsoOnPublicReads() throws Exception {
        String otherApplication = TestTokens.forAnotherApplication();
        String noAudience = TestTokens.mint("laki", List.of("laki"), null, List.of());
        String otherService = TestTokens.mint("laki", List.of("laki"), null, List.of("site-registry"));

        for (String token : List.of(otherApplication, noAudience, otherService)) {
            var refused = send("POST", "/test/network-decisions", token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(send("GET", "/test/public", token).statusCode()).as("a bad token is refused, not ignored").isEqualTo(401);
        }
        // This test application is configured to be the audience "reporting", one of the names the test kit's tokens carry.
        String forThisService = TestTokens.mint("laki", List.of("laki"), null, List.of("reporting"));
        assertThat(send("POST", "/test/network-decisions", forThisService).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> sendJson(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
