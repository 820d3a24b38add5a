package nrw.kinetz.infra.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server (docs/architecture.md#roles): JWTs from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), the {@code roles} claim as authorities
 * {@code ROLE_laki}, {@code ROLE_ki}, {@code ROLE_viewer}, and the {@code site} claim for the ki role.
 * Reading is public, every write needs a token; finer rules are {@code @PreAuthorize} on the endpoint
 * and {@link Caller#requireMayActFor} for site ownership. A service that also signs people in to its pages
 * gets {@link KiNetzSignInAutoConfiguration} on top of these rules.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class KiNetzSecurityAutoConfiguration {

    public static final String ROLES_CLAIM = "roles";
    public static final String SITE_CLAIM = "site";

    /**
     * Puts {@link VerifiedTokens} in front of the resource server's decoder (Spring Boot's, for the configured
     * issuer), so that a signature is checked once per token rather than once per request;
     * {@code kinetz.security.verified-tokens} is how many tokens it remembers (0 turns it off). Between them,
     * {@link IssuerOutages} turns an authorization server that cannot be reached into 503 instead of 500.
     */
    @Bean
    static BeanPostProcessor kiNetzVerifiedTokens(Environment environment) {
        int capacity = environment.getProperty("kinetz.security.verified-tokens", Integer.class, 10_000);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokens || bean instanceof IssuerOutages) {
                    return bean;
                }
                JwtDecoder outageAware = new IssuerOutages(decoder);
                return capacity > 0 ? new VerifiedTokens(outageAware, Clock.systemUTC(), capacity) : outageAware;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix(RolesClaim.AUTHORITY_PREFIX);
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain kiNetzApiSecurity(HttpSecurity http, JwtAuthenticationConverter converter,
            List<EndpointRoles> endpointRoles) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return apiRules(http, converter, endpointRoles).build();
    }

    /**
     * The rules every chain of the platform shares, with or without sign-in for people: reading is public,
     * everything else needs an authenticated caller, bearer tokens are verified JWTs, and 401/403 are
     * problem+json with a {@code Bearer} challenge — never a redirect to a login page. A service's own
     * {@link EndpointRoles} come first, so they win over the general rules.
     */
    static HttpSecurity apiRules(HttpSecurity http, JwtAuthenticationConverter converter, List<EndpointRoles> endpointRoles)
            throws Exception {
        var problems = new ProblemResponses();
        return http.authorizeHttpRequests(requests -> {
                    endpointRoles.forEach(roles -> roles.declare(requests));
                    requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
