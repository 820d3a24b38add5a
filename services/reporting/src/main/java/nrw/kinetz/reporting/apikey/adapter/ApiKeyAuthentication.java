package nrw.kinetz.reporting.apikey.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.security.KiNetzSecurityAutoConfiguration;
import nrw.kinetz.model.Role;
import nrw.kinetz.reporting.apikey.ApiKey;
import nrw.kinetz.reporting.apikey.ApiKeyIssuer;

/**
 * Lets an API key stand for its owner on the OData feed: as the password of HTTP Basic (what Excel's and Power BI's
 * "Standard"/"Basic" dialogs send; the user name is not looked at) or as the query parameter {@value #PARAMETER}
 * (Power BI's "Web API" with {@code ApiKeyName="api-key"}). It runs after Spring Security's chain, which lets every
 * GET through and has already read a bearer token or a dashboard session; a valid key makes the caller its owner
 * with the {@code laki} role for this request — the same claims a token carries, so {@code Caller} reads it alike.
 * A key that is wrong, expired or revoked is a 401, never a silent fall-back to the public view: a workbook would
 * otherwise refresh with withheld cells and nobody would notice why.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String PARAMETER = "api-key";
    private static final String REALM = "Basic realm=\"KI-Netz OData\", charset=\"UTF-8\"";

    private final ApiKeyIssuer issuer;

    ApiKeyAuthentication(ApiKeyIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presented(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = issuer.check(presented.get());
        if (key.isEmpty()) {
            refuse(response);
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext owner = SecurityContextHolder.createEmptyContext();
        var principal = new DefaultOAuth2AuthenticatedPrincipal(key.get().subject(), Map.of("sub", key.get().subject(),
                KiNetzSecurityAutoConfiguration.ROLES_CLAIM, List.of(Role.LAKI.claimValue()), "api_key", key.get().id()),
                AuthorityUtils.createAuthorityList("ROLE_" + Role.LAKI.claimValue()));
        owner.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(owner);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Optional<String> presented(HttpServletRequest request) {
        String parameter = request.getParameter(PARAMETER);
        if (parameter != null) {
            return Optional.of(parameter);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? "" : decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.of("");
        }
    }

    /** In the OData error format, like every other answer of the feed. */
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", REALM);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":{\"code\":\"401\",\"message\":\"The API key is not valid: unknown, expired or "
                + "revoked. Issue a new one (POST /api/v1/api-keys or ./kinetz api-key) or connect anonymously.\"}}");
    }
}
