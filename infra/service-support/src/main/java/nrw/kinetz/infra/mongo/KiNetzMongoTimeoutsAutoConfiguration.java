package nrw.kinetz.infra.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import com.mongodb.client.MongoClient;

/**
 * Short MongoDB timeouts for every service, so that a store outage is noticed within seconds: an HTTP caller gets
 * 503 with {@code Retry-After} (the shared problem details) and a listener pauses and retries (the shared Kafka
 * error handling) instead of waiting half a minute per operation (docs/architecture.md#nothing-lost).
 * Ordered last, so these settings win over a connection string's options.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(KiNetzMongoProperties.class)
public class KiNetzMongoTimeoutsAutoConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer kiNetzMongoTimeouts(KiNetzMongoProperties properties) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(properties.readTimeout().toMillis()), TimeUnit.MILLISECONDS));
    }
}
