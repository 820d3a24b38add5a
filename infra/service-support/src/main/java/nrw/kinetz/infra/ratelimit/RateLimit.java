package nrw.kinetz.infra.ratelimit;

import java.time.Duration;

/**
 * How many requests one client may send.
 *
 * @param perSecond sustained requests per second
 * @param burst     requests allowed at once after a quiet period
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst ≥ 1, was " + perSecond + "/" + burst);
        }
    }

    /** @return how long an emptied bucket takes to be full again */
    public Duration refillTime() {
        return Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9));
    }
}
