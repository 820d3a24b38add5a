package nrw.kinetz.sites.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import nrw.kinetz.infra.security.EndpointRoles;

/**
 * Registering a site and deciding its status are the LaKI's (docs/architecture.md#roles). Checked before the body is read, so
 * a viewer or KI token gets 403 whatever it sends; {@code @PreAuthorize} on the endpoints says the same.
 */
@Configuration(proxyBeanMethods = false)
class SiteEndpointRoles {

    @Bean
    EndpointRoles registeringAndStatusAreTheLakis() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/sites").hasRole("laki")
                .requestMatchers(HttpMethod.PUT, "/api/v1/sites/*/status").hasRole("laki");
    }
}
