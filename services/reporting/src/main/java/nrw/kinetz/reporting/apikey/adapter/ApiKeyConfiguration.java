package nrw.kinetz.reporting.apikey.adapter;

import java.time.Clock;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import nrw.kinetz.reporting.apikey.ApiKeyIssuer;

/** Wires the API keys: their store, the issuer, and their check on the OData feed's requests. */
@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    /** The feed's path, where a key is accepted; nowhere else. */
    static final String FEED = "/odata/v4/*";

    @Bean
    MongoApiKeys mongoApiKeys(MongoOperations mongo) {
        return new MongoApiKeys(mongo);
    }

    @Bean
    ApiKeyIssuer apiKeyIssuer(MongoApiKeys keys, Clock clock) {
        return new ApiKeyIssuer(keys, clock);
    }

    /** Right after Spring Security's filter chain, so a bearer token or a session has been read first. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthentication> apiKeyAuthentication(ApiKeyIssuer issuer) {
        FilterRegistrationBean<ApiKeyAuthentication> registration = new FilterRegistrationBean<>(new ApiKeyAuthentication(issuer));
        registration.addUrlPatterns(FEED);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
