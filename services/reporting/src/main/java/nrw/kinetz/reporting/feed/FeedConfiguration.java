package nrw.kinetz.reporting.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.kafka.KiNetzKafkaProperties;

/**
 * Wires the feed: the lease that makes one instance its writer, the relay from the read models into the
 * feed, and the relay from the feed to {@code laki.aggregates.v1}; starts and stops their threads with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    Lease feedLease(MongoOperations mongo, @Value("${reporting.feed.lease:10s}") Duration duration) {
        return new MongoLease(mongo, "feed-writer", "reporting-" + UUID.randomUUID(), duration, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    FeedRelay feedRelay(List<ChangeSource> sources, Feed feed, Lease lease, ObjectProvider<FeedListener> listeners,
            @Value("${reporting.feed.batch-size:500}") int batchSize) {
        ChangeSource source = sources.size() == 1 ? sources.get(0) : new ChangeSources(sources);
        return new FeedRelay(source, feed, lease, () -> listeners.orderedStream().toList(), Clock.systemUTC(), batchSize);
    }

    @Bean(destroyMethod = "close")
    KafkaAggregatesRelay kafkaAggregatesRelay(Feed feed, Lease lease, EventPublisher publisher,
            KiNetzKafkaProperties kafka, @Value("${reporting.feed.batch-size:500}") int batchSize) {
        return new KafkaAggregatesRelay(feed, lease, publisher, kafka.acknowledgementTimeout(), batchSize);
    }

    /**
     * Starts the relays once the application is up (the sweeps pick up what a crash or another instance left) and
     * stops them with it. Restartable: a paused application context (e.g. cached between tests) is started again.
     */
    @Bean
    SmartLifecycle feedRelays(FeedRelay feedRelay, KafkaAggregatesRelay topicRelay,
            @Value("${reporting.feed.sweep-interval:1s}") Duration sweep) {
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
