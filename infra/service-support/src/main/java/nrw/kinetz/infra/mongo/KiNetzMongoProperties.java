package nrw.kinetz.infra.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long every service's MongoDB client waits ({@code kinetz.mongodb.*}).
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable store before it fails (the driver's
 *                               default, 30 s, kept callers waiting half a minute for a 500)
 * @param connectTimeout         how long opening a connection may take
 * @param readTimeout            how long a store that accepted a request may take to answer; longer than the
 *                               others, because a store that answers slowly (the devstack's under a burst) is not
 *                               away, and giving up on it would only turn a slow success into a retry
 * @param retryAfter             what an HTTP caller is told to wait ({@code Retry-After}) when the store is away
 */
@ConfigurationProperties("kinetz.mongodb")
public record KiNetzMongoProperties(Duration serverSelectionTimeout, Duration connectTimeout, Duration readTimeout,
        Duration retryAfter) {

    public KiNetzMongoProperties {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }
}
