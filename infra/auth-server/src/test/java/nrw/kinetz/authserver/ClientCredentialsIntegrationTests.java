package nrw.kinetz.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nrw.kinetz.model.reference.KiSites;

class ClientCredentialsIntegrationTests extends RunningAuthServer {

    @Test
    void aKiClientGetsAnRs256JwtForTenMinutesWithRoleKiItsSiteAndTheServicesAsAudienceSignedByTheServedKey() throws Exception {
        var response = clientCredentials("ki-05974", clientSecret("ki-05974"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(response.body());
        assertThat(body).containsEntry("token_type", "Bearer");
        assertThat((Long) body.get("expires_in")).isBetween(590L, 600L);
        SignedJWT token = SignedJWT.parse((String) body.get("access_token"));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey servedKey = (RSAKey) JWKSet.parse(get("/oauth2/jwks").body()).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(token.verify(new RSASSAVerifier(servedKey))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("ki");
        assertThat(claims.getStringClaim("site")).isEqualTo("05974");
        assertThat(claims.getSubject()).isEqualTo("ki-05974");
        assertThat(claims.getIssuer()).isEqualTo(baseUrl());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(claims.getAudience()).containsExactlyInAnyOrder("activity-intake", "event-catalog", "program-tracking",
                "reporting", "site-registry");
    }

    @Test
    void theLakiClientGetsRoleLakiAndNoSiteAlsoWithTheSecretInTheBody() throws Exception {
        var response = post("/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", "laki", "client_secret", clientSecret("laki")), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse((String) json(response.body()).get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("laki");
        assertThat(claims.getClaims()).doesNotContainKey("site");
    }

    @Test
    void everyOneOfThe54SitesHasAClientWhoseTokenNamesItsSite() throws Exception {
        for (var site : KiSites.all()) {
            String clientId = "ki-" + site.siteId().value();
            var response = clientCredentials(clientId, clientSecret(clientId));

            assertThat(response.statusCode()).as(clientId).isEqualTo(200);
            JWTClaimsSet claims = SignedJWT.parse((String) json(response.body()).get("access_token")).getJWTClaimsSet();
            assertThat(claims.getStringClaim("site")).as(clientId).isEqualTo(site.siteId().value());
            assertThat(claims.getStringListClaim("roles")).as(clientId).containsExactly("ki");
        }
    }

    @Test
    void aResourceServerConfiguredWithTheIssuerUriAndItsAudienceAcceptsTheTokens() {
        String token = (String) json(clientCredentials("ki-05334002", clientSecret("ki-05334002")).body()).get("access_token");
        // What every service does with spring.security.oauth2.resourceserver.jwt.issuer-uri and .audiences: discovery,
        // issuer check, JWKS, signature, expiry and its own name in the audience.
        NimbusJwtDecoder resourceServer = JwtDecoders.fromIssuerLocation(baseUrl());
        resourceServer.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(baseUrl()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains("site-registry"))));

        Jwt jwt = resourceServer.decode(token);

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ki");
        assertThat(jwt.getClaimAsString("site")).isEqualTo("05334002");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDiscoveryDocumentNamesTheIssuerTheTokenEndpointAndTheClientAuthenticationMethods() {
        Map<String, Object> discovery = json(get("/.well-known/openid-configuration").body());

        assertThat(discovery).containsEntry("issuer", baseUrl())
                .containsEntry("token_endpoint", baseUrl() + "/oauth2/token")
                .containsEntry("jwks_uri", baseUrl() + "/oauth2/jwks");
        assertThat((List<Object>) discovery.get("token_endpoint_auth_methods_supported"))
                .contains("client_secret_basic", "client_secret_post");
        assertThat((List<Object>) discovery.get("grant_types_supported")).contains("client_credentials");
    }

    @Test
    void theServedKeySetHoldsOnlyPublicKeys() throws Exception {
        JWKSet served = JWKSet.parse(get("/oauth2/jwks").body());

        assertThat(served.getKeys()).hasSize(1).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aWrongSecretGets401InvalidClientAndNoToken() {
        var response = clientCredentials("ki-05974", clientSecret("ki-05978"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("error", "invalid_client").doesNotContainKey("access_token");
    }

    @Test
    void anUnknownClientGets401() {
        var response = clientCredentials("ki-05999", clientSecret("ki-05974"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void theDashboardCannotGetAClientCredentialsToken() {
        var response = clientCredentials("dashboard", clientSecret("dashboard"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body())).containsEntry("error", "unauthorized_client");
    }

    @Test
    void anEnvironmentVariableOverridesTheSecretInTheFile() throws Exception {
        var withOverride = clientCredentials("viewer", VIEWER_SECRET_FROM_ENVIRONMENT);
        var withFileSecret = clientCredentials("viewer", clientSecret("viewer"));

        assertThat(withOverride.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse((String) json(withOverride.body()).get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("viewer");
        assertThat(withFileSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void theSecretsFileAndTheSigningKeyAreReadableByTheirOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve("auth/signing-key.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve("auth"))))
                .isEqualTo("rwx------");
    }

    @Test
    void healthIsPublicAndUp() {
        var response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body())).containsEntry("status", "UP");
    }
}
