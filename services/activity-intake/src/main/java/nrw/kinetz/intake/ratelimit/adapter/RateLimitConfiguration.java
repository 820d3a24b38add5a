package nrw.kinetz.intake.ratelimit.adapter;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import nrw.kinetz.infra.ratelimit.RateLimiter;

/** Puts the per-client rate limit in front of the write endpoints. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitProperties properties;

    public RateLimitConfiguration(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        RateLimiter limiter = new RateLimiter(properties.defaults(), properties.clients(), System::nanoTime);
        registry.addInterceptor(new RateLimitInterceptor(limiter)).addPathPatterns("/api/v1/activities", "/api/v1/activities/**");
    }
}
