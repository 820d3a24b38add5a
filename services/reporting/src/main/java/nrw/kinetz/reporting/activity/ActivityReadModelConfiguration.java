package nrw.kinetz.reporting.activity;

import java.time.Clock;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.feed.FeedRelay;

/** Wires the activities read model: its generations, measure, listener, change source, rebuild and reconciliation. */
@Configuration(proxyBeanMethods = false)
class ActivityReadModelConfiguration {

    @Bean
    ActivityReadModel activityReadModel(MongoOperations mongo) {
        return new ActivityReadModel(new MongoActivityGenerations(mongo, Clock.systemUTC()),
                (generation, live) -> new MongoActivityStore(mongo, generation, live));
    }

    @Bean
    ActivitiesMeasure activitiesMeasure(ActivityReadModel model) {
        return new ActivitiesMeasure(model);
    }

    @Bean
    ChangeSource activityChanges(MongoOperations mongo, ActivityReadModel model) {
        return new MongoActivityChanges(mongo, model);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActivityEventsListener activityEventsListener(
            @Qualifier(KiNetzKafkaAutoConfiguration.BATCH_FACTORY) ConcurrentKafkaListenerContainerFactory<?, ?> factory,
            ActivityReadModel model, FeedRelay relay, KeptPositions positions,
            @Value("${spring.kafka.consumer.group-id}") String groupPrefix) {
        // The factory is declared for Object keys and values; the configured deserializers make them String and byte[].
        return new ActivityEventsListener((ConcurrentKafkaListenerContainerFactory) factory, model, relay, positions,
                groupPrefix);
    }

    @Bean(destroyMethod = "close")
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaActivityTopic kafkaActivityTopic(ConsumerFactory<?, ?> consumers, KafkaAdmin admin, KeptPositions positions) {
        return new KafkaActivityTopic((ConsumerFactory) consumers, admin.getConfigurationProperties(), positions);
    }

    @Bean
    ActivityRebuild activityRebuild(ActivityReadModel model, KafkaActivityTopic topic, ActivityEventsListener listener,
            FeedRelay relay, MongoOperations mongo, KeptPositions positions) {
        return new ActivityRebuild(model, topic, listener, relay, generation -> {
                    MongoActivityStore.drop(mongo, generation);
                    positions.forget(listener.groupId(generation)); // a position belongs to its generation
                },
                Clock.systemUTC(), Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "activities-rebuild");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    @Bean
    ActivityReconciliation activityReconciliation(ActivityReadModel model, KafkaActivityTopic topic, ActivityEventsListener listener) {
        return new ActivityReconciliation(model, topic, listener);
    }
}
