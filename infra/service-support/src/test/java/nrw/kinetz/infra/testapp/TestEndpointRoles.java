package nrw.kinetz.infra.testapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import nrw.kinetz.infra.security.EndpointRoles;

/** The test service declares its LaKI-only endpoint for the filter chain, as real services do. */
@Configuration
class TestEndpointRoles {

    @Bean
    EndpointRoles networkDecisionsAreTheLakis() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/test/network-decisions/validated").hasRole("laki");
    }
}
