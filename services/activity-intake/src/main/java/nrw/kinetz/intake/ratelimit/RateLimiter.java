package nrw.kinetz.intake.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (the token's subject: {@code ki-05974}, {@code laki}). The set of clients is
 * bounded by the clients the authorization server knows, so buckets are kept for the life of the process.
 */
public final class RateLimiter {

    private final RateLimit defaults;
    private final Map<String, RateLimit> perClient;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit defaults, Map<String, RateLimit> perClient, LongSupplier nanoTime) {
        this.defaults = defaults;
        this.perClient = Map.copyOf(perClient);
        this.nanoTime = nanoTime;
    }

    /** @return empty if the request may go ahead, else how long the client should wait */
    public Optional<Duration> tryAcquire(String client) {
        TokenBucket bucket = buckets.computeIfAbsent(client,
                name -> new TokenBucket(perClient.getOrDefault(name, defaults), nanoTime));
        long wait = bucket.tryTake();
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    public RateLimit limitOf(String client) {
        return perClient.getOrDefault(client, defaults);
    }
}
