package nrw.kinetz.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens for tests, signed by the test issuer that {@link WithKiNetzInfrastructure} points
 * services at: the same {@code roles} and {@code site} claims the devstack's authorization server issues, and as
 * audience ({@code aud}) the platform's services, each of which accepts only tokens that name it.
 */
public final class TestTokens {

    /** The audiences the platform's clients get: every service, by its {@code spring.application.name}. */
    public static final List<String> SERVICES = List.of("activity-intake", "event-catalog", "program-tracking", "reporting",
            "site-registry");

    private TestTokens() {
    }

    /** The issuer services under test trust, for a service started outside Spring's test context (a child process). */
    public static String issuerUri() {
        return TestIssuer.instance().issuer();
    }

    /** The issuer's token endpoint (client-credentials grant, any secret), for the push client. */
    public static String tokenUri() {
        return issuerUri() + TestIssuer.TOKEN_PATH;
    }

    public static String laki() {
        return mint("laki", List.of("laki"), null);
    }

    public static String viewer() {
        return mint("viewer", List.of("viewer"), null);
    }

    /** The client-credentials token of a KI system: role {@code ki} and its site. */
    public static String ki(String siteId) {
        return mint("ki-" + siteId, List.of("ki"), siteId);
    }

    public static String mint(String subject, List<String> roles, String site) {
        return mint(subject, roles, site, SERVICES);
    }

    /** A token for the given audiences only; none at all when {@code audiences} is empty. */
    public static String mint(String subject, List<String> roles, String site, List<String> audiences) {
        TestIssuer issuer = TestIssuer.instance();
        return sign(issuer.key(), claims(issuer.issuer(), subject, roles, site, Duration.ofHours(1), audiences));
    }

    /** A laki token from the right issuer for another application ({@code aud} names no service of the platform). */
    public static String forAnotherApplication() {
        return mint("laki", List.of("laki"), null, List.of("another-application"));
    }

    /** A well-signed laki token from an issuer the services do not trust. */
    public static String fromUnknownIssuer() {
        return sign(TestIssuer.instance().key(), claims("http://127.0.0.1:1/unknown", "laki", List.of("laki"), null, Duration.ofHours(1)));
    }

    /** A laki token with the right issuer, signed by a key the issuer never published. */
    public static String withForeignSignature() {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID("test-kit").generate();
            return sign(foreign, claims(TestIssuer.instance().issuer(), "laki", List.of("laki"), null, Duration.ofHours(1)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A laki token that expired an hour ago. */
    public static String expired() {
        return sign(TestIssuer.instance().key(), claims(TestIssuer.instance().issuer(), "laki", List.of("laki"), null, Duration.ofHours(-1)));
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet claims(String issuer, String subject, List<String> roles, String site, Duration validFor) {
        return claims(issuer, subject, roles, site, validFor, SERVICES);
    }

    private static JWTClaimsSet claims(String issuer, String subject, List<String> roles, String site, Duration validFor,
            List<String> audiences) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(validFor.isNegative() ? 7200 : 5)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (!audiences.isEmpty()) {
            builder.audience(audiences);
        }
        if (site != null) {
            builder.claim("site", site);
        }
        return builder.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
