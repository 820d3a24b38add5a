package nrw.kinetz.infra.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Role rules a service declares for whole endpoints, e.g. "registering a site is the LaKI's". They are
 * checked in the filter chain, before the request body is read, so a caller without the role gets 403
 * whatever it sent — not a 400 that tells it how to shape a request it may not make. Declare them as a
 * bean; keep {@code @PreAuthorize} on the endpoint as well, so the rule is visible where it applies.
 */
@FunctionalInterface
public interface EndpointRoles {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
