package nrw.kinetz.programs.grant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import nrw.kinetz.infra.security.EndpointRoles;

/**
 * Deciding on grants and proofs of use is the LaKI's; applying, drawing, passing on and accounting are the KI's
 * for its own site (and the LaKI's). Checked before the body is read, so a caller without the role gets 403
 * whatever it sends; which site a KI may act for is checked against the grant.
 */
@Configuration(proxyBeanMethods = false)
class GrantEndpointRoles {

    @Bean
    EndpointRoles grantDecisionsAreTheLakis() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/grants/*/approval", "/api/v1/grants/*/rejection",
                        "/api/v1/grants/*/amendments", "/api/v1/grants/*/proof-of-use/acceptance",
                        "/api/v1/grants/*/proof-of-use/return").hasRole("laki")
                .requestMatchers(HttpMethod.POST, "/api/v1/grants", "/api/v1/grants/*/disbursements",
                        "/api/v1/grants/*/sub-grants").hasAnyRole("laki", "ki")
                .requestMatchers(HttpMethod.PUT, "/api/v1/grants/*/proof-of-use").hasAnyRole("laki", "ki");
    }
}
