package nrw.kinetz.intake.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;

import io.micrometer.core.instrument.MeterRegistry;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.intake.activity.domain.ActivityRules;

/**
 * Wires the activity feature: its rules, body parser, ledger, publisher and application services. Endpoints
 * (controllers, Kafka listeners) are found by component scan; everything else is declared here, so the
 * classes carry no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

    @Bean
    ActivityRules activityRules(Clock clock) {
        return new ActivityRules(clock);
    }

    @Bean
    BodyParser bodyParser(IntakeProperties properties) {
        return new BodyParser(properties.maxItems());
    }

    @Bean
    ActivityLedger activityLedger(MongoTemplate mongo) {
        return new MongoActivityLedger(mongo);
    }

    @Bean
    ReportPublisher reportPublisher(EventPublisher publisher, IntakeProperties properties) {
        return new ReportPublisher(publisher, properties);
    }

    @Bean
    ActivityIntake activityIntake(ActivityRules rules, ActivityLedger ledger, ReportPublisher publisher,
            IntakeProperties properties, ClaimRecovery recovery, MeterRegistry meters) {
        return new ActivityIntake(rules, ledger, publisher, properties, recovery, new IntakeMeters(meters));
    }

    @Bean
    ActivityRetractions activityRetractions(ActivityLedger ledger, ReportPublisher publisher, IntakeProperties properties,
            ClaimRecovery recovery) {
        return new ActivityRetractions(ledger, publisher, properties, recovery);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ClaimRecovery claimRecovery(ActivityLedger ledger, ConsumerFactory<?, ?> consumers, KeptPositions positions) {
        // The configured deserializers make keys and values String and byte[].
        return new ClaimRecovery(ledger, (ConsumerFactory) consumers, positions);
    }

    /**
     * Checks the claims on start, in the background (the first request waits for it if it is not done), and then
     * every {@code kinetz.intake.claim-check-interval} (default 5 minutes), so that after a crash only the records
     * since the last check are read again.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService claimChecks(ClaimRecovery recovery,
            @Value("${kinetz.intake.claim-check-interval:PT5M}") Duration interval) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "claim-recovery");
            thread.setDaemon(true);
            return thread;
        });
        schedule.execute(() -> check(recovery::ensureRecovered));
        schedule.scheduleWithFixedDelay(() -> check(recovery::recover), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    private static void check(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ClaimRecovery.class).warn("activity claims not checked against the topic now;"
                    + " the next request or the next check tries again: {}", e.getMessage());
        }
    }

    /** A store that was away may have lost its last writes: the claims are checked before the next answer. */
    @Bean
    MongoClientSettingsBuilderCustomizer claimsCheckedAfterAStoreOutage(ObjectProvider<ClaimRecovery> recovery) {
        return settings -> settings.applyToServerSettings(server -> server.addServerListener(new ServerListener() {
            @Override
            public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
                if (event.getPreviousDescription().isOk() && !event.getNewDescription().isOk()) {
                    recovery.ifAvailable(ClaimRecovery::suspect);
                }
            }
        }));
    }
}
