package nrw.kinetz.reporting.aggregate.adapter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.ratelimit.RateLimit;
import nrw.kinetz.infra.ratelimit.RateLimiter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.CallerArgumentResolver;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.FilterProblems;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.reporting.aggregate.AnswerVersion;
import nrw.kinetz.reporting.aggregate.PublicAnswers;

/**
 * What protects the store from public reads: public aggregate answers kept by question and read-model version
 * ({@link PublicAnswers}), and a rate per client for every read of {@code /api/**} and the OData feed (429 problem+json with
 * {@code Retry-After} beyond it). The LaKI is exempt: it is a handful of people, and its exact answers are never
 * kept. The live stream has caps of its own.
 */
@Configuration(proxyBeanMethods = false)
public class PublicReadsConfiguration {

    private final PublicReadsProperties properties;

    public PublicReadsConfiguration(PublicReadsProperties properties) {
        this.properties = properties;
    }

    /** Measures that count what is due by today (overdue proofs of use) answer differently tomorrow. */
    @Bean
    public AnswerVersion today(Clock clock) {
        return () -> NetworkTime.today(clock);
    }

    @Bean
    public PublicAnswers publicAnswers(List<AnswerVersion> versions, MeterRegistry meters) {
        PublicAnswers answers = new PublicAnswers(versions, properties.answers());
        FunctionCounter.builder("kinetz.reporting.public.answers", answers, PublicAnswers::reused)
                .tag("result", "reused").description("public aggregate answers handed out again, not computed")
                .register(meters);
        FunctionCounter.builder("kinetz.reporting.public.answers", answers, PublicAnswers::computed)
                .tag("result", "computed").description("public aggregate answers computed from the read models")
                .register(meters);
        return answers;
    }

    /**
     * A servlet filter rather than an MVC interceptor, because the OData feed is a servlet of its own; after Spring
     * Security and the API-key filter, so that it knows the caller.
     */
    @Bean
    public FilterRegistrationBean<PublicReadLimit> publicReadLimit() {
        RateLimiter limiter = new RateLimiter(properties.defaults(), properties.clients(), properties.maxClients(),
                System::nanoTime);
        FilterRegistrationBean<PublicReadLimit> registration = new FilterRegistrationBean<>(new PublicReadLimit(limiter));
        registration.addUrlPatterns("/api/*", "/odata/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** 429 when a client reads faster than its rate (docs/architecture.md#bad-input). */
    static final class PublicReadLimit extends OncePerRequestFilter {

        private static final String LIVE = "/api/v1/live";

        private final RateLimiter limiter;

        PublicReadLimit(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            // The live stream has caps of its own.
            return !read || request.getRequestURI().startsWith(LIVE);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Caller caller = CallerArgumentResolver.current();
            if (!caller.seesExactNumbers()) {
                String client = caller.subject().orElse("address " + request.getRemoteAddr());
                Optional<Duration> wait = limiter.tryAcquire(client);
                if (wait.isPresent()) {
                    RateLimit limit = limiter.limitOf(client);
                    ApiProblemException refused = ApiProblemException.tooManyRequests(wait.get(), "Client " + client
                            + " read more than " + limit.burst() + " times at once or more than " + limit.perSecond()
                            + " times per second.");
                    refused.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                    FilterProblems.write(request, response, refused.status(), refused.getMessage());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
