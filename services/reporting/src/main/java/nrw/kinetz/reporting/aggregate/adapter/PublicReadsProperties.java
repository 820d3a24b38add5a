package nrw.kinetz.reporting.aggregate.adapter;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import nrw.kinetz.infra.ratelimit.RateLimit;

/**
 * How much the public may read, {@code kinetz.reporting.public-reads.*}; every one has a default.
 *
 * @param perSecond  sustained requests per second and client to {@code /api/**} and {@code /odata/**} (50; the live
 *                   stream has caps of its
 *                   own): a client is a token's subject, or the address of an anonymous caller, and the public
 *                   dashboards of a whole office arrive from one address, each asking about six questions per second
 *                   at most
 * @param burst      requests at once after a quiet period (200)
 * @param maxClients the most clients whose rate is tracked at once (100,000)
 * @param clients    other limits for named clients, e.g. {@code kinetz.reporting.public-reads.clients.viewer.burst=1000}
 * @param answers    the most questions whose public answer is kept (1,000)
 */
@ConfigurationProperties("kinetz.reporting.public-reads")
public record PublicReadsProperties(Double perSecond, Integer burst, Integer maxClients, Map<String, RateLimit> clients,
        Integer answers) {

    public PublicReadsProperties {
        perSecond = perSecond == null ? 50.0 : perSecond;
        burst = burst == null ? 200 : burst;
        maxClients = maxClients == null ? 100_000 : maxClients;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        answers = answers == null ? 1_000 : answers;
    }

    public RateLimit defaults() {
        return new RateLimit(perSecond, burst);
    }
}
