package nrw.kinetz.infra.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per client (a token's subject such as {@code ki-05974}, or an address for anonymous callers).
 * Anonymous callers are as many as there are addresses, so at most {@code maxClients} buckets are kept, and a
 * bucket nobody used for as long as it takes to refill is dropped: a new one would be just as full.
 */
public final class RateLimiter {

    private final RateLimit defaults;
    private final Map<String, RateLimit> perClient;
    private final LongSupplier nanoTime;
    private final Cache<String, TokenBucket> buckets;

    /** For a known, small set of clients (the authorization server's), e.g. the intake's writers. */
    public RateLimiter(RateLimit defaults, Map<String, RateLimit> perClient, LongSupplier nanoTime) {
        this(defaults, perClient, 100_000, nanoTime);
    }

    /** @param maxClients the most clients whose buckets are kept at once */
    public RateLimiter(RateLimit defaults, Map<String, RateLimit> perClient, int maxClients, LongSupplier nanoTime) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.defaults = defaults;
        this.perClient = Map.copyOf(perClient);
        this.nanoTime = nanoTime;
        Duration refill = this.perClient.values().stream().map(RateLimit::refillTime).reduce(defaults.refillTime(),
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(refill)
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** @return empty if the request may go ahead, else how long the client should wait */
    public Optional<Duration> tryAcquire(String client) {
        TokenBucket bucket = buckets.get(client, name -> new TokenBucket(limitOf(name), nanoTime));
        long wait = bucket.tryTake();
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    public RateLimit limitOf(String client) {
        return perClient.getOrDefault(client, defaults);
    }

    /** @return how many clients have a bucket now */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
