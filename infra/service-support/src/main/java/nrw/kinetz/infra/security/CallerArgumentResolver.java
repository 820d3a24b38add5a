package nrw.kinetz.infra.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;

/** Resolves {@link Caller} controller parameters from the security context. */
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
        if (!(auth instanceof JwtAuthenticationToken jwt)) {
            return Caller.anonymous();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getToken().getClaims().get(KiNetzSecurityAutoConfiguration.ROLES_CLAIM);
        if (claim instanceof Collection<?> names) {
            names.forEach(name -> Role.fromClaim(String.valueOf(name)).ifPresent(roles::add));
        }
        return new Caller(Optional.of(jwt.getName()), roles, site(jwt.getToken().getClaimAsString(KiNetzSecurityAutoConfiguration.SITE_CLAIM)));
    }

    private static Optional<SiteId> site(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SiteId.of(claim));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

}
