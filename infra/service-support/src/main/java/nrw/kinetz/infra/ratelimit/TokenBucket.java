package nrw.kinetz.infra.ratelimit;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Plain Java with an
 * injected clock, so its arithmetic is tested without waiting.
 */
public final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    public TokenBucket(RateLimit limit, LongSupplier nanoTime) {
        this.perNano = limit.perSecond() / 1e9;
        this.capacity = limit.burst();
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** @return 0 if a token was taken, else the nanoseconds until one will be there (nothing is taken) */
    public synchronized long tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
