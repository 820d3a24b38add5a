package nrw.kinetz.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sign-in for people, for a service that serves pages (the dashboard): the service is a backend-for-frontend
 * (docs/architecture.md#roles). It signs people in at the authorization server with the authorization code and PKCE,
 * keeps their tokens on the server and gives the browser only a session cookie — which the browser also
 * sends with {@code fetch} and {@code EventSource}, so the page's API calls and its Server-Sent Events see
 * the person's roles.
 *
 * <p>Active only where the service registers an OAuth2 client
 * ({@code spring.security.oauth2.client.registration.<id>.*}, which makes Spring Boot define a
 * {@link ClientRegistrationRepository}). Everything of {@link KiNetzSecurityAutoConfiguration} stays as it is:
 * bearer tokens work exactly as in every other service, writes without one are a 401 problem, never a
 * redirect to a sign-in page, and bearer requests neither create sessions nor need CSRF tokens.
 *
 * <ul>
 * <li>{@code GET /oauth2/authorization/<id>} starts the sign-in; the authorization server sends the person
 * back to {@code /login/oauth2/code/<id>} and then to {@code /}, the page with the sign-in button
 * (after a failure to {@code /?sign-in=failed}).</li>
 * <li>The {@code roles} claim of the ID token (and user info) becomes {@code ROLE_<role>} authorities, as for
 * access tokens, and {@link CallerArgumentResolver} reads the person's {@code roles} and {@code site}.</li>
 * <li>{@code POST /logout} ends the session; it needs the session's CSRF token (form field {@code _csrf} or
 * header {@code X-CSRF-TOKEN}), like every state-changing request that relies on the session cookie. Where
 * the provider publishes an end-session endpoint (configured by {@code issuer-uri}) or it is named
 * ({@code kinetz.sign-in.end-session-uri}), the person is signed out there too and comes back to {@code /}.</li>
 * <li>A signed-in session ends {@code kinetz.sign-in.max-session} (8 hours) after the sign-in however active it is
 * ({@link SessionLifetime}), besides ending after the servlet container's idle timeout.</li>
 * </ul>
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        before = {KiNetzSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class},
        beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ClientRegistrationRepository.class)
@ConditionalOnBean(ClientRegistrationRepository.class)
public class KiNetzSignInAutoConfiguration {

    /** The page that offers the sign-in; people return here afterwards. */
    public static final String SIGN_IN_PAGE = "/";

    /** Where a page's sign-in button points, followed by the registration id, e.g. {@code /oauth2/authorization/dashboard}. */
    public static final String SIGN_IN_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String END_SESSION_ENDPOINT = "end_session_endpoint";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain kiNetzApiAndSignInSecurity(HttpSecurity http, JwtAuthenticationConverter converter,
            ClientRegistrationRepository clients, List<EndpointRoles> endpointRoles,
            @Value("${kinetz.sign-in.end-session-uri:}") String endSessionUri,
            @Value("${kinetz.sign-in.max-session:8h}") Duration maxSession, Clock clock) throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // Spring uses PKCE by default only for public clients; the platform wants it for confidential ones too.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        var signOutAtProvider = new OidcClientInitiatedLogoutSuccessHandler(withEndSession(clients, endSessionUri));
        signOutAtProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGN_IN_PAGE);
        signOutAtProvider.setDefaultTargetUrl(SIGN_IN_PAGE);

        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(KiNetzSignInAutoConfiguration::changesStateWithASessionCookie))
                // Nobody is sent to a sign-in page in the middle of something, so there is nothing to return to;
                // and a request cache would create sessions for API calls.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN_PAGE)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesAsAuthorities()))
                        .successHandler(SessionLifetime.signedIn(clock, SIGN_IN_PAGE))
                        .failureUrl(SIGN_IN_PAGE + "?sign-in=failed"))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtProvider))
                .addFilterAfter(new SessionLifetime(maxSession, clock), SecurityContextHolderFilter.class);
        return KiNetzSecurityAutoConfiguration.apiRules(http, converter, endpointRoles).build();
    }

    /**
     * A provider named by its endpoints (not discovered through {@code issuer-uri}, so the service starts while it is
     * away) has no end-session endpoint in its metadata, and signing out would leave the person signed in at the
     * provider: the next person at a shared PC would be signed in silently. {@code kinetz.sign-in.end-session-uri}
     * names it then.
     */
    static ClientRegistrationRepository withEndSession(ClientRegistrationRepository clients, String endSessionUri) {
        if (endSessionUri == null || endSessionUri.isBlank()) {
            return clients;
        }
        return registrationId -> {
            ClientRegistration registration = clients.findByRegistrationId(registrationId);
            if (registration == null
                    || registration.getProviderDetails().getConfigurationMetadata().containsKey(END_SESSION_ENDPOINT)) {
                return registration;
            }
            Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
            metadata.put(END_SESSION_ENDPOINT, endSessionUri);
            return ClientRegistration.withClientRegistration(registration).providerConfigurationMetadata(metadata).build();
        };
    }

    /**
     * A cookie is sent by the browser whoever made the page that sends the request, so a state-changing request
     * that relies on it must prove it comes from our page (CSRF token). A bearer token is never sent on its own,
     * and a request without a session has nothing to abuse: both stay exactly as in a service without sign-in.
     */
    static boolean changesStateWithASessionCookie(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return !SAFE_METHODS.contains(request.getMethod()) && !bearer && request.getSession(false) != null;
    }

    /** Adds {@code ROLE_<role>} for each entry of the {@code roles} claim of the ID token and user info. */
    static GrantedAuthoritiesMapper rolesAsAuthorities() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                // OidcUserAuthority is an OAuth2UserAuthority whose attributes are the ID token's and user info's claims.
                if (authority instanceof OAuth2UserAuthority user) {
                    mapped.addAll(RolesClaim.authorities(user.getAttributes().get(KiNetzSecurityAutoConfiguration.ROLES_CLAIM)));
                }
            }
            return mapped;
        };
    }
}
