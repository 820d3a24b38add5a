package nrw.kinetz.infra.web;

import java.time.Duration;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details, request limits (body size, JSON read limits) and the OpenAPI document's security scheme for every
 * servlet service.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class KiNetzWebAutoConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(@Value("${kinetz.mongodb.retry-after:5s}") Duration outageRetryAfter) {
        return new ProblemDetailsAdvice(outageRetryAfter);
    }

    /**
     * Every request body is limited ({@code kinetz.web.max-body-size}, 1 MB unless a service needs more); it runs
     * before authentication, so an oversized body costs nothing whoever sends it.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${kinetz.web.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The application's {@code JsonMapper} (request bodies, answers) on a factory with {@link JsonReadLimits}; the
     * customizers are applied as Spring Boot's own builder does, so {@code spring.jackson.*} keeps working.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonReadLimits.factory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /**
     * Declares the bearer token in the OpenAPI document, so that the interactive page ({@code /swagger-ui.html})
     * offers "Authorize" and sends the token with every call it tries; the empty requirement says that a token is
     * optional (reading is public), the endpoints themselves decide.
     */
    @Bean
    OpenApiCustomizer bearerTokenScheme() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the authorization server (client credentials; ./kinetz token <client>)"));
            api.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
        };
    }
}
