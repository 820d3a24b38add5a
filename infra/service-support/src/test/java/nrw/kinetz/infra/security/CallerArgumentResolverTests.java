package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;

class CallerArgumentResolverTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPersonSignedInWithRoleLakiSeesExactNumbers() {
        signedIn(Map.of("sub", "laki", "roles", List.of("laki")));

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.subject()).hasValue("laki");
        assertThat(caller.roles()).containsExactly(Role.LAKI);
        assertThat(caller.seesExactNumbers()).isTrue();
    }

    @Test
    void aPersonSignedInForAKiActsForItsSiteOnly() {
        signedIn(Map.of("sub", "ki-05974", "roles", List.of("ki"), "site", "05974"));

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.site()).hasValue(SiteId.of("05974"));
        assertThat(caller.mayActFor(SiteId.of("05974"))).isTrue();
        assertThat(caller.mayActFor(SiteId.of("05978"))).isFalse();
        assertThat(caller.seesExactNumbers()).isFalse();
    }

    @Test
    void aPersonWithoutKnownRolesIsAuthenticatedButSeesSuppressedNumbers() {
        signedIn(Map.of("sub", "someone", "roles", List.of("admin-of-another-app")));

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.seesExactNumbers()).isFalse();
    }

    @Test
    void bearerTokensAreReadFromTheirClaimsAsBefore() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("ki-05974")
                .claim("roles", List.of("ki")).claim("site", "05974").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_ki")));

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.subject()).hasValue("ki-05974");
        assertThat(caller.roles()).containsExactly(Role.KI);
        assertThat(caller.site()).hasValue(SiteId.of("05974"));
    }

    @Test
    void anonymousVisitorsAreAnonymous() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(CallerArgumentResolver.current()).isEqualTo(Caller.anonymous());
    }

    @Test
    void theIdTokensRolesBecomeRoleAuthoritiesForHasRole() {
        OidcIdToken idToken = idToken(Map.of("sub", "laki", "roles", List.of("laki", "viewer")));

        var mapped = KiNetzSignInAutoConfiguration.rolesAsAuthorities().mapAuthorities(List.of(new OidcUserAuthority(idToken)));

        assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_laki", "ROLE_viewer", "OIDC_USER");
    }

    private static void signedIn(Map<String, Object> claims) {
        OidcIdToken idToken = idToken(claims);
        Set<GrantedAuthority> authorities = Set.copyOf(KiNetzSignInAutoConfiguration.rolesAsAuthorities()
                .mapAuthorities(List.of(new OidcUserAuthority(idToken))));
        Authentication auth = new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken), authorities, "dashboard");
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        return new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), claims);
    }
}
