package nrw.kinetz.intake.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the intake ({@code kinetz.intake.*}).
 *
 * @param maxItems       activities per request; more is a 413 (default 1,000)
 * @param maxBodySize    request body size; more is a 413 (default 5 MB)
 * @param publishTimeout how long a request waits for Kafka's acknowledgements before answering 503; below
 *                       the 10 s the contract promises, and above the producer's delivery timeout (8 s), so
 *                       that the producer's own verdict normally arrives first
 * @param retryAfter     the {@code Retry-After} of a 503
 */
@ConfigurationProperties("kinetz.intake")
record IntakeProperties(Integer maxItems, DataSize maxBodySize, Duration publishTimeout, Duration retryAfter) {

    IntakeProperties {
        maxItems = maxItems == null ? 1000 : maxItems;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(5) : maxBodySize;
        publishTimeout = publishTimeout == null ? Duration.ofMillis(9_000) : publishTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }
}
