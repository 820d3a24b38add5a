package nrw.kinetz.intake.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.CallerArgumentResolver;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;

/** 429 with {@code Retry-After} when a client sends writes faster than its rate (docs/architecture.md#bad-input). */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;

    RateLimitInterceptor(RateLimiter limiter) {
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
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            RateLimit limit = limiter.limitOf(client);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            String detail = "Client " + client + " sent more than " + limit.burst() + " requests at once or more than "
                    + limit.perSecond() + " per second; retry after " + seconds + " s.";
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
                    detail, List.of(ProblemError.of(detail)), headers);
        }
        return true;
    }
}
