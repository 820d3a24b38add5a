package nrw.kinetz.sites;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The site registry's settings, {@code kinetz.sites.*}; every one has a default.
 *
 * @param relay          the relay that publishes stored events
 * @param syntheticSites whether {@code POST /api/v1/sites} takes sites of the synthetic key range ({@code 05999001}
 *                       to {@code 05999999}); only {@code ./kinetz bench} turns it on, for its growth run at ten times
 *                       the sites (false)
 */
@ConfigurationProperties("kinetz.sites")
public record SitesProperties(Relay relay, boolean syntheticSites) {

    public SitesProperties {
        relay = relay == null ? new Relay(null, null, null) : relay;
    }

    /**
     * @param pollInterval how often the relay looks for events a crash or an absent broker left behind (2 s)
     * @param passTimeout  how long one site's events may take to be acknowledged before the pass gives up (30 s)
     * @param stopTimeout  how long stopping waits for the last pass (10 s)
     */
    public record Relay(Duration pollInterval, Duration passTimeout, Duration stopTimeout) {

        public Relay {
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            passTimeout = passTimeout == null ? Duration.ofSeconds(30) : passTimeout;
            stopTimeout = stopTimeout == null ? Duration.ofSeconds(10) : stopTimeout;
        }
    }
}
