package nrw.kinetz.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private final AtomicLong now = new AtomicLong();

    @Test
    void burstIsAllowedThenTheWaitIsTheTimeToTheNextToken() {
        TokenBucket bucket = new TokenBucket(new RateLimit(2, 3), now::get);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void aQuietClientRefillsOnlyUpToItsBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 2), now::get);
        bucket.tryTake();
        bucket.tryTake();

        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void eachClientHasItsOwnBucketAndNamedClientsTheirOwnLimit() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1), Map.of("laki", new RateLimit(1, 3)), now::get);

        assertThat(limiter.tryAcquire("ki-05974")).isEmpty();
        assertThat(limiter.tryAcquire("ki-05974")).hasValue(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("ki-05966")).isEmpty();
        assertThat(limiter.tryAcquire("laki")).isEmpty();
        assertThat(limiter.tryAcquire("laki")).isEmpty();
        assertThat(limiter.tryAcquire("laki")).isEmpty();
        assertThat(limiter.tryAcquire("laki")).isPresent();
    }

    @Test
    void aBucketUnusedForItsRefillTimeIsDroppedAndComesBackFull() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 2), Map.of(), 10, now::get);
        limiter.tryAcquire("address 192.0.2.1");
        limiter.tryAcquire("address 192.0.2.1");
        assertThat(limiter.tryAcquire("address 192.0.2.1")).isPresent();

        now.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(limiter.clients()).isZero();
        assertThat(limiter.tryAcquire("address 192.0.2.1")).isEmpty();
        assertThat(limiter.tryAcquire("address 192.0.2.1")).isEmpty();
        assertThat(limiter.tryAcquire("address 192.0.2.1")).isPresent();
    }

    @Test
    void atMostMaxClientsBucketsAreKeptHoweverManyAddressesCall() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1), Map.of(), 100, now::get);

        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("address 10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(limiter.clients()).isLessThanOrEqualTo(100);
    }

    @Test
    void aWaitIsRoundedUpToWholeSecondsInRetryAfter() {
        var problem = nrw.kinetz.infra.web.ApiProblemException.tooManyRequests(Duration.ofMillis(1200), "Too fast.");

        assertThat(problem.status().value()).isEqualTo(429);
        assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("2");
        assertThat(problem.getMessage()).isEqualTo("Too fast. Retry after 2 s.");
        assertThat(problem.errors()).hasSize(1);
    }
}
