package nrw.kinetz.intake.ratelimit.adapter;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import nrw.kinetz.infra.ratelimit.RateLimit;

/**
 * Request rate per client ({@code kinetz.intake.rate-limit.*}): a token bucket per token subject.
 *
 * @param perSecond sustained requests per second and client
 * @param burst     requests at once
 * @param clients   other limits for named clients, e.g. {@code kinetz.intake.rate-limit.clients.laki.burst=100}
 */
@ConfigurationProperties("kinetz.intake.rate-limit")
public record RateLimitProperties(Double perSecond, Integer burst, Map<String, RateLimit> clients) {

    public RateLimitProperties {
        perSecond = perSecond == null ? 20.0 : perSecond;
        burst = burst == null ? 40 : burst;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    public RateLimit defaults() {
        return new RateLimit(perSecond, burst);
    }
}
