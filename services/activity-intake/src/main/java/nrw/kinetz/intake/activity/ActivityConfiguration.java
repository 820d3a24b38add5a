package nrw.kinetz.intake.activity;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.intake.activity.domain.ActivityRules;

/** Wires the activity feature: its rules, its body parser and its store. */
@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

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
        return new ActivityLedger(mongo);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ClaimRecovery claimRecovery(ActivityLedger ledger, ConsumerFactory<?, ?> consumers, KeptPositions positions) {
        // The configured deserializers make keys and values String and byte[].
        return new ClaimRecovery(ledger, (ConsumerFactory) consumers, positions);
    }

    /** Checks the claims on start, in the background; the first request waits for it if it is not done. */
    @Bean
    ApplicationRunner claimRecoveryOnStart(ClaimRecovery recovery) {
        return arguments -> {
            Thread thread = new Thread(() -> {
                try {
                    recovery.ensureRecovered();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ClaimRecovery.class).warn("claims not checked on start, the first request"
                            + " tries again: {}", e.getMessage());
                }
            }, "claim-recovery");
            thread.setDaemon(true);
            thread.start();
        };
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

    /**
     * The driver waits 30 s for an unreachable server by default; a client of the intake should hear 503 within
     * seconds, as it does when Kafka is away, so it gives up after 4 s. A store that answers but is slow (the
     * devstack's H2 store under a burst of batches) is waited for much longer: giving up on it would only turn
     * a slow success into a retry.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer shortMongoTimeouts() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(4, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS));
    }
}
