package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Outside the devstack (the {@code prod} profile of compose and Kubernetes) the session cookie a sign-in starts is
 * {@code Secure}: the browser sends it over HTTPS only, never over a plain connection someone could listen to.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // One broker in the tests, where production has three.
        "kinetz.kafka.replicas=1", "kinetz.kafka.min-insync-replicas=1"})
@ActiveProfiles("prod")
@WithKiNetzInfrastructure
@DirtiesContext
class SecureSessionCookieIntegrationTests {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @DynamicPropertySource
    static void dashboardClient(DynamicPropertyRegistry registry) {
        PROVIDER.registerDashboardClient(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theSessionCookieOfASignInIsSecureWithTheProdProfile() throws Exception {
        HttpResponse<String> start = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/dashboard")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure").containsIgnoringCase("HttpOnly"));
    }
}
