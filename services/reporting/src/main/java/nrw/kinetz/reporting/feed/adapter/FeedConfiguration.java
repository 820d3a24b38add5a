package nrw.kinetz.reporting.feed.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.kafka.KiNetzKafkaProperties;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.reporting.ReportingProperties;
import nrw.kinetz.reporting.aggregate.AnswerVersion;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.feed.ChangeSources;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.feed.FeedListener;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.infra.mongo.MongoLease;

/**
 * Wires the feed: the lease that makes one instance its writer, the relay from the read models into the
 * feed, and the relay from the feed to {@code laki.aggregates.v1}; starts and stops their threads with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
public class FeedConfiguration {

    @Bean
    public Feed feed(MongoOperations mongo) {
        return new MongoFeed(mongo);
    }

    /** Every change of a read model gets a feed entry: public answers are kept only while the feed stands still. */
    @Bean
    public AnswerVersion feedPosition(Feed feed) {
        return feed::position;
    }

    @Bean
    public Lease feedLease(MongoOperations mongo, ReportingProperties properties, Clock clock) {
        return new MongoLease(mongo, "feed-writer", "reporting-" + UUID.randomUUID(), properties.feed().lease(), clock);
    }

    @Bean(destroyMethod = "close")
    public FeedRelay feedRelay(List<ChangeSource> sources, Feed feed, Lease lease, ObjectProvider<FeedListener> listeners,
            ReportingProperties properties, Clock clock, MeterRegistry meters) {
        ChangeSource source = sources.size() == 1 ? sources.get(0) : new ChangeSources(sources);
        RelayBacklog.register(meters, "feed", "read-model changes not yet in the feed or not yet confirmed by a sweep", source::pendingCount);
        return new FeedRelay(source, feed, lease, () -> listeners.orderedStream().toList(), clock,
                properties.feed().batchSize());
    }

    @Bean(destroyMethod = "close")
    public KafkaAggregatesRelay kafkaAggregatesRelay(Feed feed, Lease lease, EventPublisher publisher,
            KiNetzKafkaProperties kafka, ReportingProperties properties, MeterRegistry meters) {
        RelayBacklog.register(meters, "aggregates-topic", "feed entries not yet on " + KafkaAggregatesRelay.NAME,
                () -> Math.max(0, feed.last() - feed.progress(KafkaAggregatesRelay.NAME)));
        return new KafkaAggregatesRelay(feed, lease, publisher, kafka.acknowledgementTimeout(), properties.feed().batchSize());
    }

    /**
     * Starts the relays once the application is up (the sweeps pick up what a crash or another instance left) and
     * stops them with it. Restartable: a paused application context (e.g. cached between tests) is started again.
     */
    @Bean
    public SmartLifecycle feedRelays(FeedRelay feedRelay, KafkaAggregatesRelay topicRelay,
            ReportingProperties properties) {
        Duration sweep = properties.feed().sweepInterval();
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                feedRelay.start(sweep);
                topicRelay.start(sweep);
                running = true;
            }

            @Override
            public void stop() {
                feedRelay.stop();
                topicRelay.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
