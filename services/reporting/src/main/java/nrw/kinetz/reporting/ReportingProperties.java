package nrw.kinetz.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reporting's settings, {@code kinetz.reporting.*}; every one has a default.
 *
 * @param feed                   the feed and its relays
 * @param live                   the live streams
 * @param reconciliationDelay    how long after the start the activities are first reconciled with the topic (30 s)
 * @param reconciliationInterval how often they are reconciled after that (15 min)
 */
@ConfigurationProperties("kinetz.reporting")
public record ReportingProperties(Feed feed, Live live, Duration reconciliationDelay, Duration reconciliationInterval) {

    public ReportingProperties {
        feed = feed == null ? new Feed(null, null, null) : feed;
        live = live == null ? new Live(null, null, null, null, null, null, null, null) : live;
        reconciliationDelay = reconciliationDelay == null ? Duration.ofSeconds(30) : reconciliationDelay;
        reconciliationInterval = reconciliationInterval == null ? Duration.ofMinutes(15) : reconciliationInterval;
    }

    /**
     * @param lease         how long the instance writing the feed holds it without renewing (10 s)
     * @param batchSize     changes per relay round (500)
     * @param sweepInterval how often the relays look for what a crash or another instance left (1 s)
     */
    public record Feed(Duration lease, Integer batchSize, Duration sweepInterval) {

        public Feed {
            lease = lease == null ? Duration.ofSeconds(10) : lease;
            batchSize = batchSize == null ? 500 : batchSize;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        }
    }

    /**
     * @param timeout      how long one stream stays open before the client reconnects (30 min)
     * @param bufferedKeys the most distinct keys buffered for one slow client (10,000)
     * @param senders      threads writing to clients (8)
     * @param pollInterval how often the feed is polled for what another instance wrote (500 ms)
     * @param heartbeat    how often an idle stream gets a comment, so proxies keep it open (15 s)
     * @param maxStreams   streams this instance serves at most, all clients together (500); more is a 429
     * @param maxStreamsPerClient streams one client (token subject, or address when anonymous) may hold (50: the
     *                     public dashboards of a whole office arrive from one address)
     * @param sendTimeout  how long one write to a client may take before its stream is ended (10 s)
     */
    public record Live(Duration timeout, Integer bufferedKeys, Integer senders, Duration pollInterval, Duration heartbeat,
            Integer maxStreams, Integer maxStreamsPerClient, Duration sendTimeout) {

        public Live {
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
            bufferedKeys = bufferedKeys == null ? 10_000 : bufferedKeys;
            senders = senders == null ? 8 : senders;
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
            maxStreams = maxStreams == null ? 500 : maxStreams;
            maxStreamsPerClient = maxStreamsPerClient == null ? 50 : maxStreamsPerClient;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        }
    }
}
