package nrw.kinetz.infra.security;

import java.util.Map;
import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.SiteId;

/**
 * Resolves {@link Caller} controller parameters from the security context: a bearer token's claims, or —
 * for a person signed in to a page of the service (a session cookie, e.g. the dashboard and its
 * Server-Sent Events) — the claims of their ID token and user info. Both carry {@code roles} and {@code site}.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The caller of the current request thread. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            return caller(jwt.getName(), jwt.getToken().getClaims());
        }
        // A signed-in person (OidcUser / OAuth2User of an OAuth2AuthenticationToken). Matched by this interface
        // from oauth2-core, because the OAuth2 client classes are on the classpath only where a service signs
        // people in.
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof OAuth2AuthenticatedPrincipal person) {
            return caller(person.getName(), person.getAttributes());
        }
        return Caller.anonymous();
    }

    private static Caller caller(String subject, Map<String, Object> claims) {
        return new Caller(Optional.ofNullable(subject), RolesClaim.roles(claims.get(KiNetzSecurityAutoConfiguration.ROLES_CLAIM)),
                site(claims.get(KiNetzSecurityAutoConfiguration.SITE_CLAIM)));
    }

    private static Optional<SiteId> site(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SiteId.of(String.valueOf(claim)));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

}
