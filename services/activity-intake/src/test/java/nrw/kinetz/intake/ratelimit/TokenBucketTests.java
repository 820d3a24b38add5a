package nrw.kinetz.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

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
}
