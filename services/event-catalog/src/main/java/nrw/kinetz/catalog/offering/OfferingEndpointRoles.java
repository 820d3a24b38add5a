package nrw.kinetz.catalog.offering;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import nrw.kinetz.infra.security.EndpointRoles;

/**
 * Creating offerings is for the LaKI and the KIs, checked before the body is read. Registering, confirming and
 * cancelling are for everyone without an account: the signed link in the mail is what proves the person.
 */
@Configuration(proxyBeanMethods = false)
class OfferingEndpointRoles {

    @Bean
    EndpointRoles organisersCreateOfferingsAndPeopleRegisterWithoutAccount() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/offerings").hasAnyRole("laki", "ki")
                .requestMatchers(HttpMethod.POST, "/api/v1/offerings/*/registrations").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/confirmation").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/cancellation").permitAll()
                .requestMatchers(HttpMethod.POST, "/veranstaltungen/**").permitAll();
    }
}
