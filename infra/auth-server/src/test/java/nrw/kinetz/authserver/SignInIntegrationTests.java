package nrw.kinetz.authserver;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The dashboard's sign-in (authorization code with PKCE), walked through as a browser and the reporting
 * service's backend would: authorize, sign in on the form, follow the redirect, exchange the code.
 */
class SignInIntegrationTests extends RunningAuthServer {

    private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/dashboard";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** One browser: its own cookies, redirects looked at one by one. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void lakiStaffSigningInGetAccessAndIdTokensWithRoleLaki() throws Exception {
        Map<String, Object> tokens = signInAndExchange("laki", fromSecretsFile("user.laki.password"));

        JWTClaimsSet access = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        JWTClaimsSet id = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("laki");
        assertThat(access.getStringListClaim("roles")).containsExactly("laki");
        assertThat(id.getStringListClaim("roles")).containsExactly("laki");
        assertThat(id.getAudience()).containsExactly("dashboard");
        assertThat(tokens).containsKey("refresh_token");
    }

    @Test
    void kiStaffSigningInGetTheirSiteInBothTokens() throws Exception {
        Map<String, Object> tokens = signInAndExchange("ki-05974", fromSecretsFile("user.ki-05974.password"));

        for (String token : new String[] {(String) tokens.get("access_token"), (String) tokens.get("id_token")}) {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertThat(claims.getStringListClaim("roles")).containsExactly("ki");
            assertThat(claims.getStringClaim("site")).isEqualTo("05974");
        }
    }

    @Test
    void theUserInfoEndpointAcceptsTheDashboardsAccessTokenAndNamesThePerson() {
        String accessToken = (String) signInAndExchange("viewer", fromSecretsFile("user.viewer.password")).get("access_token");

        var userInfo = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build());

        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(json(userInfo.body())).containsEntry("sub", "viewer");
    }

    @Test
    void aWrongPasswordIsSentBackToTheSignInForm() {
        authorize(codeChallenge(newVerifier()));

        var response = signIn("laki", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        var response = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/authorize?response_type=code"
                + "&client_id=dashboard&scope=openid&state=s1&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8))).header("Accept", "text/html").build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(REDIRECT_URI).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void aCodeIsExchangedOnlyWithItsVerifier() throws Exception {
        String code = signInForCode("viewer", fromSecretsFile("user.viewer.password"), codeChallenge(newVerifier()));

        var response = exchange(code, newVerifier());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body())).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
    }

    private Map<String, Object> signInAndExchange(String username, String password) {
        String verifier = newVerifier();
        String code = signInForCode(username, password, codeChallenge(verifier));
        var response = exchange(code, verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private String signInForCode(String username, String password, String challenge) {
        var toLogin = authorize(challenge);
        assertThat(location(toLogin)).endsWith("/login");

        var signedIn = signIn(username, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);

        var backToDashboard = browse(HttpRequest.newBuilder(URI.create(location(signedIn)))
                .header("Accept", "text/html").build());
        assertThat(backToDashboard.statusCode()).isEqualTo(302);
        String redirect = location(backToDashboard);
        assertThat(redirect).startsWith(REDIRECT_URI + "?");
        var parameters = UriComponentsBuilder.fromUriString(redirect).build().getQueryParams();
        assertThat(parameters.getFirst("state")).isEqualTo("state-1");
        return parameters.getFirst("code");
    }

    private HttpResponse<String> authorize(String challenge) {
        String query = form(Map.of("response_type", "code", "client_id", "dashboard", "scope", "openid profile",
                "state", "state-1", "redirect_uri", REDIRECT_URI, "code_challenge", challenge,
                "code_challenge_method", "S256"));
        var response = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/authorize?" + query))
                .header("Accept", "text/html").build());
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    private HttpResponse<String> signIn(String username, String password) {
        var page = browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).as("CSRF field in the sign-in form").isTrue();
        return browse(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1)))))
                .build());
    }

    /** What the reporting service's backend does with the code: a confidential client with its verifier. */
    private HttpResponse<String> exchange(String code, String verifier) {
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier),
                basic("dashboard", clientSecret("dashboard")));
    }

    private HttpResponse<String> browse(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return URI.create(baseUrl()).resolve(location).toString();
    }

    private static String newVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
