package nrw.kinetz.reporting.activity.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

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
import nrw.kinetz.infra.trace.RecordTraces;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.reporting.ReportingProperties;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.infra.mongo.MongoLease;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.replay.ActivityRebuild;
import nrw.kinetz.reporting.activity.replay.ActivityReconciler;
import nrw.kinetz.reporting.activity.replay.ActivityReconciliation;
import nrw.kinetz.reporting.activity.store.RememberedCellStates;
import nrw.kinetz.reporting.aggregate.AnswerVersion;

/** Wires the activities read model: its generations, measure, listener, change source, rebuild and reconciliation. */
@Configuration(proxyBeanMethods = false)
public class ActivityReadModelConfiguration {

    /** Cell states the live store keeps in memory (a few hundred bytes each) before it forgets them all. */
    static final int REMEMBERED_CELLS = 100_000;

    @Bean
    public ActivityReadModel activityReadModel(MongoOperations mongo, Clock clock) {
        return new ActivityReadModel(new MongoActivityGenerations(mongo, clock), (generation, live) -> live
                ? new RememberedCellStates(new MongoActivityStore(mongo, generation, true), REMEMBERED_CELLS)
                : new MongoActivityStore(mongo, generation, false));
    }

    @Bean
    public ActivitiesMeasure activitiesMeasure(ActivityReadModel model) {
        return new ActivitiesMeasure(model);
    }

    /** A rebuild switches to a generation whose answers may differ from the old one's without any feed entry. */
    @Bean
    public AnswerVersion activeActivityGeneration(ActivityReadModel model) {
        return model::activeGeneration;
    }

    @Bean
    public ChangeSource activityChanges(MongoOperations mongo, ActivityReadModel model) {
        return new MongoActivityChanges(mongo, model);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ActivityEventsListener activityEventsListener(
            @Qualifier(KiNetzKafkaAutoConfiguration.BATCH_FACTORY) ConcurrentKafkaListenerContainerFactory<?, ?> factory,
            ActivityReadModel model, FeedRelay relay, KeptPositions positions,
            @Value("${spring.kafka.consumer.group-id}") String groupPrefix, RecordTraces traces) {
        // The factory is declared for Object keys and values; the configured deserializers make them String and byte[].
        return new ActivityEventsListener((ConcurrentKafkaListenerContainerFactory) factory, model, relay, positions,
                groupPrefix, traces);
    }

    @Bean(destroyMethod = "close")
    @SuppressWarnings({"unchecked", "rawtypes"})
    public KafkaActivityTopic kafkaActivityTopic(ConsumerFactory<?, ?> consumers, KafkaAdmin admin, KeptPositions positions) {
        return new KafkaActivityTopic((ConsumerFactory) consumers, admin.getConfigurationProperties(), positions);
    }

    /**
     * The rebuild, run by one instance at a time: a lease in the store says which. It is renewed while the rebuild
     * runs, so a crashed instance's rebuild blocks the others for at most a minute.
     */
    @Bean
    public ActivityRebuild activityRebuild(ActivityReadModel model, KafkaActivityTopic topic, ActivityEventsListener listener,
            FeedRelay relay, @Qualifier("activityChanges") ChangeSource changes, MongoOperations mongo, KeptPositions positions,
            Clock clock) {
        Lease lease = new MongoLease(mongo, "activities-rebuild", "reporting-" + UUID.randomUUID(), Duration.ofMinutes(1), clock);
        return new ActivityRebuild(model, topic, listener, () -> relay.drainOrAwait(changes, ActivityRebuild.HANDOVER_TIMEOUT),
                lease, generation -> {
                    MongoActivityStore.drop(mongo, generation);
                    positions.forget(listener.groupId(generation)); // a position belongs to its generation
                },
                clock, Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "activities-rebuild");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /**
     * Reconciles after the start (once the listeners had a moment to catch up) and then every
     * {@code kinetz.reporting.reconciliation-interval} (default 15 minutes).
     */
    @Bean(destroyMethod = "close")
    BackgroundWorker activityReconcilerSchedule(ActivityReconciler reconciler, ReportingProperties properties) {
        BackgroundWorker schedule = new BackgroundWorker("activities-reconciler", reconciler::run);
        schedule.start(properties.reconciliationDelay(), properties.reconciliationInterval());
        return schedule;
    }

    @Bean
    ActivityReconciler activityReconciler(ActivityReconciliation reconciliation, ActivityRebuild rebuild,
            MeterRegistry meters, Clock clock) {
        ActivityReconciler reconciler = new ActivityReconciler(reconciliation, rebuild, clock, NetworkTime.ZONE);
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
    public ActivityReconciliation activityReconciliation(ActivityReadModel model, KafkaActivityTopic topic, ActivityEventsListener listener) {
        return new ActivityReconciliation(model, topic, listener);
    }
}
