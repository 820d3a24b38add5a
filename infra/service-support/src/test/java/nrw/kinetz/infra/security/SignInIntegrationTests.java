package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * A service that registers an OAuth2 client signs people in as a backend-for-frontend: the authorization
 * code with PKCE against the provider, a session cookie for the browser, the person's {@code roles} for
 * {@link Caller} and {@code hasRole}, CSRF protection for what the session cookie could be abused for — and
 * bearer-token calls exactly as in a service without sign-in.
 */
@SpringBootTest(classes = {TestApplication.class, SignInIntegrationTests.MovableClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
// A context of its own (the client registration): closed afterwards, so its listeners leave the test consumer group.
@DirtiesContext
class SignInIntegrationTests {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @DynamicPropertySource
    static void dashboardClient(DynamicPropertyRegistry registry) {
        PROVIDER.registerDashboardClient(registry);
        registry.add("kinetz.sign-in.end-session-uri", () -> PROVIDER.issuer() + "/logout");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MovableClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void bearerTokenCallsWorkAsInAServiceWithoutSignIn() throws Exception {
        assertThat(send(http, "GET", "/test/public", TestTokens.laki()).body()).isEqualTo("exact");
        assertThat(send(http, "GET", "/test/public", null).body()).isEqualTo("suppressed");

        var withoutToken = send(http, "POST", "/test/network-decisions", null);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withoutToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(withoutToken.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(withoutToken.headers().firstValue("Location")).isEmpty();

        var withToken = send(http, "POST", "/test/network-decisions", TestTokens.laki());
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(send(http, "POST", "/test/network-decisions", TestTokens.viewer()).statusCode()).isEqualTo(403);
        assertThat(List.of(withoutToken, withToken)).allSatisfy(response ->
                assertThat(response.headers().allValues("Set-Cookie")).as("bearer calls get no session").isEmpty());
    }

    @Test
    void signInRedirectsToTheProviderWithPkce() throws Exception {
        var start = send(browser(), "GET", "/oauth2/authorization/dashboard", null);

        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PROVIDER.issuer() + "/authorize?")
                .contains("response_type=code", "client_id=dashboard", "code_challenge_method=S256", "code_challenge=",
                        "redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/dashboard");
    }

    @Test
    void aSignedInLakiSeesExactNumbersWithTheSessionCookieAlone() throws Exception {
        HttpClient browser = browser();

        var back = signIn(browser, "laki", List.of("laki"));

        assertThat(redirectTarget(back)).isEqualTo("/");
        assertThat(back.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly"));
        assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("exact");
    }

    @Test
    void aSignedInViewerSeesSuppressedNumbersAndMayNotDoWhatOnlyTheLakiMay() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "viewer", List.of("viewer"));

        assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("suppressed");
        var write = send(browser, "POST", "/test/network-decisions", null, "X-CSRF-TOKEN", csrfToken(browser));
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void aChangeThatReliesOnTheSessionCookieNeedsTheSessionsCsrfToken() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "laki", List.of("laki"));

        var forged = send(browser, "POST", "/test/network-decisions", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(EventJson.mapper().readTree(forged.body()).get("detail").asString()).contains("CSRF token");

        var fromThePage = send(browser, "POST", "/test/network-decisions", null, "X-CSRF-TOKEN", csrfToken(browser));
        assertThat(fromThePage.statusCode()).isEqualTo(201);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSessionHereAndAtTheProvider() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "laki", List.of("laki"));

        assertThat(send(browser, "POST", "/logout", null).statusCode()).isEqualTo(403);
        assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("exact");

        var signedOut = send(browser, "POST", "/logout", null, "X-CSRF-TOKEN", csrfToken(browser));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        URI atProvider = URI.create(signedOut.headers().firstValue("Location").orElseThrow());
        assertThat(atProvider.toString()).as("the provider's session ends too (RP-initiated logout)")
                .startsWith(PROVIDER.issuer() + "/logout?");
        assertThat(atProvider.getQuery()).contains("id_token_hint=")
                .contains("post_logout_redirect_uri=http://127.0.0.1:" + port + "/");
        assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("suppressed");
    }

    @Test
    void aSignedInSessionEndsEightHoursAfterTheSignInHoweverActiveItIs() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "laki", List.of("laki"));
        try {
            for (int hour = 1; hour < 8; hour++) {
                clock.advance(Duration.ofHours(1));
                assertThat(send(browser, "GET", "/test/public", null).body()).as("after %d h", hour).isEqualTo("exact");
            }
            clock.advance(Duration.ofMinutes(59));
            assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("exact");

            clock.advance(Duration.ofMinutes(1));

            assertThat(send(browser, "GET", "/test/public", null).body()).as("8 h after the sign-in").isEqualTo("suppressed");
            assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("suppressed");
            signIn(browser, "laki", List.of("laki"));
            assertThat(send(browser, "GET", "/test/public", null).body()).as("signed in again").isEqualTo("exact");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theSessionCookieIsNotSecureInTheDevstackWhichServesPlainHttpOnLoopback() throws Exception {
        var start = send(browser(), "GET", "/oauth2/authorization/dashboard", null);

        assertThat(start.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void aCodeTheProviderRefusesSendsThePersonBackToThePageSignedOut() throws Exception {
        HttpClient browser = browser();
        URI authorize = URI.create(send(browser, "GET", "/oauth2/authorization/dashboard", null).headers()
                .firstValue("Location").orElseThrow());
        URI back = PROVIDER.approve(authorize, "laki", List.of("laki"));

        var failed = send(browser, "GET", back.getPath() + "?" + back.getRawQuery().replaceFirst("code=[^&]+", "code=forged"), null);

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(redirectTarget(failed)).isEqualTo("/?sign-in=failed");
        assertThat(send(browser, "GET", "/test/public", null).body()).isEqualTo("suppressed");
    }

    /** The whole dance as a browser does it: to the provider, signed in there, back with the code. */
    private HttpResponse<String> signIn(HttpClient browser, String subject, List<String> roles) throws Exception {
        URI authorize = URI.create(send(browser, "GET", "/oauth2/authorization/dashboard", null).headers()
                .firstValue("Location").orElseThrow());
        URI back = PROVIDER.approve(authorize, subject, roles);
        var response = send(browser, "GET", back.getPath() + "?" + back.getRawQuery(), null);
        assertThat(response.statusCode()).as(response.headers().toString()).isEqualTo(302);
        assertThat(redirectTarget(response)).as("signed in, not failed").isEqualTo("/");
        return response;
    }

    /** Where a redirect of the service leads, as path and query of the service itself. */
    private String redirectTarget(HttpResponse<String> response) {
        URI location = URI.create("http://127.0.0.1:" + port).resolve(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getAuthority()).isEqualTo("127.0.0.1:" + port);
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private String csrfToken(HttpClient browser) throws Exception {
        var response = send(browser, "GET", "/test/csrf-token", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String token, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service's clock, moved forward by a test and back afterwards; system time otherwise. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return NetworkTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
