package nrw.kinetz.reporting.aggregate.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.ratelimit.RateLimit;
import nrw.kinetz.infra.ratelimit.RateLimiter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.CallerArgumentResolver;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.reporting.aggregate.AnswerVersion;
import nrw.kinetz.reporting.aggregate.PublicAnswers;

/**
 * What protects the store from public reads: public aggregate answers kept by question and read-model version
 * ({@link PublicAnswers}), and a rate per client for every read of {@code /api/**} (429 problem+json with
 * {@code Retry-After} beyond it). The LaKI is exempt: it is a handful of people, and its exact answers are never
 * kept. The live stream has caps of its own.
 */
@Configuration(proxyBeanMethods = false)
public class PublicReadsConfiguration implements WebMvcConfigurer {

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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        RateLimiter limiter = new RateLimiter(properties.defaults(), properties.clients(), properties.maxClients(),
                System::nanoTime);
        registry.addInterceptor(new PublicReadLimit(limiter)).addPathPatterns("/api/**").excludePathPatterns("/api/v1/live");
    }

    /** 429 when a client reads faster than its rate (docs/architecture.md#bad-input). */
    static final class PublicReadLimit implements HandlerInterceptor {

        private final RateLimiter limiter;

        PublicReadLimit(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
                return true;
            }
            Caller caller = CallerArgumentResolver.current();
            if (caller.seesExactNumbers()) {
                return true;
            }
            String client = caller.subject().orElse("address " + request.getRemoteAddr());
            Optional<Duration> wait = limiter.tryAcquire(client);
            if (wait.isPresent()) {
                RateLimit limit = limiter.limitOf(client);
                throw ApiProblemException.tooManyRequests(wait.get(), "Client " + client + " read more than "
                        + limit.burst() + " times at once or more than " + limit.perSecond() + " times per second.");
            }
            return true;
        }
    }
}
