package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * The limits on what a request may make the registry read: bodies above 1 MB are 413 whether their length is
 * declared or not, JSON beyond the read limits is 400 while it is parsed; neither stores anything.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class RequestLimitsIntegrationTests {

    @Value("${local.server.port}")
    int port;

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void aBodyDeclaredLargerThanOneMegabyteIs413ProblemJsonAndStoresNothing() {
        Http.Response refused = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, registration("05980", twoMegabytes()));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorDetails()).contains("larger than 1 MB");
        assertThat(http.get("/api/v1/sites/05980").status()).isEqualTo(404);
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutOffAtOneMegabyteWith413() throws Exception {
        byte[] body = registration("05981", twoMegabytes()).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sites"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.laki()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("larger than 1 MB");
        assertThat(http.get("/api/v1/sites/05981").status()).isEqualTo(404);
    }

    @Test
    void jsonNestedDeeperThanTheReadLimitIs400NamingTheDepthAndStoresNothing() {
        String deep = registration("05982", "[".repeat(100) + "]".repeat(100));

        Http.Response refused = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, deep);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorDetails()).contains("nesting depth");
        assertThat(http.get("/api/v1/sites/05982").status()).isEqualTo(404);
    }

    @Test
    void aNumberLongerThanTheReadLimitIs400WhileParsing() {
        String body = "{\"siteId\":\"05983\",\"name\":\"Lang\",\"territoryKind\":\"KREIS\",\"population\":"
                + "9".repeat(500) + ",\"status\":\"DECIDED\",\"statusSince\":\"2024-01-10\"}";

        Http.Response refused = http.send("POST", "/api/v1/sites", TestTokens.laki(), null, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorDetails()).contains("Number value length");
        assertThat(http.get("/api/v1/sites/05983").status()).isEqualTo(404);
    }

    /**
     * A valid registration with an extra property, which the registry skips token by token: so every byte of it is
     * read, and no other limit (such as the length of one text) is hit first.
     */
    private static String registration(String siteId, String extra) {
        return "{\"siteId\":\"" + siteId + "\",\"name\":\"Grosskreis\",\"territoryKind\":\"KREIS\","
                + "\"population\":250000,\"status\":\"DECIDED\",\"statusSince\":\"2024-01-10\",\"extra\":" + extra + "}";
    }

    /** Two megabytes of short JSON texts. */
    private static String twoMegabytes() {
        return "[" + "\"abcdefghi\",".repeat(200_000) + "\"end\"]";
    }
}
