package nrw.kinetz.infra.web;

import java.time.Duration;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Problem details and the OpenAPI document's security scheme for every servlet service. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class KiNetzWebAutoConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(@Value("${kinetz.mongodb.retry-after:5s}") Duration outageRetryAfter) {
        return new ProblemDetailsAdvice(outageRetryAfter);
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
