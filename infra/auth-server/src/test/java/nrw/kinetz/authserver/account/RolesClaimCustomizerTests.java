package nrw.kinetz.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class RolesClaimCustomizerTests {

    private static final List<String> SERVICES = List.of("activity-intake", "reporting");

    private final RolesClaimCustomizer customizer = new RolesClaimCustomizer(Accounts.devstack(), SERVICES);

    @Test
    void aClientsAccessTokenNamesTheServicesAsItsAudience() {
        for (String clientId : List.of("ki-05974", "laki", "viewer")) {
            JwtClaimsSet claims = customize(client(clientId), clientAuthentication(clientId),
                    AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN);

            assertThat(claims.getAudience()).as(clientId).isEqualTo(SERVICES);
        }
    }

    @Test
    void theDashboardsTokensNameTheReportingServiceOrForAnIdTokenTheDashboardItself() {
        JwtClaimsSet access = customizeAudience(OAuth2TokenType.ACCESS_TOKEN);
        JwtClaimsSet id = customizeAudience(new OAuth2TokenType("id_token"));

        assertThat(access.getAudience()).containsExactly("reporting");
        assertThat(id.getAudience()).as("as OpenID Connect wants: the client").containsExactly("dashboard");
    }

    private JwtClaimsSet customizeAudience(OAuth2TokenType type) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject("laki").audience(List.of("dashboard"));
        customizer.customize(JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(client("dashboard")).principal(person("laki"))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).tokenType(type).build());
        return claims.build();
    }

    @Test
    void aClientCredentialsTokenCarriesTheRoleAndSiteOfTheClient() {
        JwtClaimsSet claims = customize(client("ki-05974"), clientAuthentication("ki-05974"),
                AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN);

        assertThat(claims.getClaimAsStringList("roles")).containsExactly("ki");
        assertThat(claims.getClaimAsString("site")).isEqualTo("05974");
    }

    @Test
    void aSignedInPersonsAccessAndIdTokenCarryTheRoleOfThePersonNotOfTheDashboard() {
        for (OAuth2TokenType type : List.of(OAuth2TokenType.ACCESS_TOKEN, new OAuth2TokenType("id_token"))) {
            JwtClaimsSet claims = customize(client("dashboard"), person("laki"),
                    AuthorizationGrantType.AUTHORIZATION_CODE, type);

            assertThat(claims.getClaimAsStringList("roles")).containsExactly("laki");
            assertThat(claims.hasClaim("site")).isFalse();
        }
    }

    @Test
    void aRefreshedTokenStillSpeaksForThePerson() {
        JwtClaimsSet claims = customize(client("dashboard"), person("ki-05974"),
                AuthorizationGrantType.REFRESH_TOKEN, OAuth2TokenType.ACCESS_TOKEN);

        assertThat(claims.getClaimAsStringList("roles")).containsExactly("ki");
        assertThat(claims.getClaimAsString("site")).isEqualTo("05974");
    }

    @Test
    void noTokenIsIssuedForSomeoneWithoutKnownRoles() {
        assertThatThrownBy(() -> customize(client("dashboard"), person("mallory"),
                AuthorizationGrantType.AUTHORIZATION_CODE, OAuth2TokenType.ACCESS_TOKEN))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("no roles are known for 'mallory'");
        assertThatThrownBy(() -> customize(client("ki-05999"), clientAuthentication("ki-05999"),
                AuthorizationGrantType.CLIENT_CREDENTIALS, OAuth2TokenType.ACCESS_TOKEN))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private JwtClaimsSet customize(RegisteredClient client, Authentication principal, AuthorizationGrantType grant,
            OAuth2TokenType type) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(principal.getName());
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(client)
                .principal(principal)
                .authorizationGrantType(grant)
                .tokenType(type)
                .build();
        customizer.customize(context);
        return claims.build();
    }

    private static RegisteredClient client(String clientId) {
        return RegisteredClient.withId(clientId).clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
    }

    private static Authentication clientAuthentication(String clientId) {
        return new OAuth2ClientAuthenticationToken(client(clientId), ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);
    }

    private static Authentication person(String username) {
        return UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
    }
}
