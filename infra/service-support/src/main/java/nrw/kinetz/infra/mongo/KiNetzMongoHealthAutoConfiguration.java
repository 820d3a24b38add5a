package nrw.kinetz.infra.mongo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;

/** The {@code mongo} health component as {@link MongoPingHealthIndicator}; Boot's own backs off for it. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, MongoHealthContributorAutoConfiguration.class})
public class KiNetzMongoHealthAutoConfiguration {

    /** Named like Boot's bean, which is conditional on that name being missing. */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoClient client,
            @Value("${spring.mongodb.database:${spring.application.name:admin}}") String database) {
        return new MongoPingHealthIndicator(client, database);
    }
}
