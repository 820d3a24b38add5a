package nrw.kinetz.reporting.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
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

    /**
     * Reconciles after the start (once the listeners had a moment to catch up) and then every
     * {@code kinetz.reporting.reconciliation-interval} (default 15 minutes).
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService activityReconcilerSchedule(ActivityReconciler reconciler,
            @Value("${kinetz.reporting.reconciliation-delay:PT30S}") Duration delay,
            @Value("${kinetz.reporting.reconciliation-interval:PT15M}") Duration interval) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "activities-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(reconciler::run, delay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    @Bean
    ActivityReconciler activityReconciler(ActivityReconciliation reconciliation, ActivityRebuild rebuild,
            MeterRegistry meters) {
        ActivityReconciler reconciler = new ActivityReconciler(reconciliation, rebuild, Clock.systemUTC(),
                ZoneId.of("Europe/Berlin"));
        Gauge.builder("kinetz.reporting.reconciliation.differences", reconciler, ActivityReconciler::differences)
                .description("Cells of the activities read model that differed from the topic at the last reconciliation")
                .register(meters);
        Gauge.builder("kinetz.reporting.reconciliation.repairs", reconciler, ActivityReconciler::repairs)
                .description("Rebuilds started since the start to repair a difference found by reconciliation")
                .register(meters);
        return reconciler;
    }

    /** {@code /actuator/health} component {@code reconciliation}: what the last run found and repaired. */
    @Bean
    HealthIndicator reconciliationHealthIndicator(ActivityReconciler reconciler) {
        return () -> {
            ActivityReconciler.Outcome last = reconciler.last();
            Health.Builder health = last == null ? Health.unknown() : Health.up();
            return health.withDetails(reconciler.details()).build();
        };
    }

    @Bean
    ActivityReconciliation activityReconciliation(ActivityReadModel model, KafkaActivityTopic topic, ActivityEventsListener listener) {
        return new ActivityReconciliation(model, topic, listener);
    }
}
