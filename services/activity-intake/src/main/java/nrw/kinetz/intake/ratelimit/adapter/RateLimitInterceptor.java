package nrw.kinetz.intake.ratelimit.adapter;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.CallerArgumentResolver;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.ratelimit.RateLimit;
import nrw.kinetz.infra.ratelimit.RateLimiter;

/** 429 with {@code Retry-After} when a client sends writes faster than its rate (docs/architecture.md#bad-input). */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;

    public RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        Caller caller = CallerArgumentResolver.current();
        // Anonymous writes never get here (401 in the security filter); their address would be the key.
        String client = caller.subject().orElse("address:" + request.getRemoteAddr());
        Optional<Duration> wait = limiter.tryAcquire(client);
        if (wait.isPresent()) {
            RateLimit limit = limiter.limitOf(client);
            throw ApiProblemException.tooManyRequests(wait.get(), "Client " + client + " sent more than " + limit.burst()
                    + " requests at once or more than " + limit.perSecond() + " per second.");
        }
        return true;
    }
}
