package nrw.kinetz.infra.deadletter;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.infra.kafka.KiNetzKafkaProperties;
import nrw.kinetz.infra.security.EndpointRoles;

/** Listing and re-driving dead letters ({@code /api/v1/dead-letters}) in every service with Kafka and a store. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KiNetzKafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({KafkaTemplate.class, ConsumerFactory.class, MongoOperations.class})
public class KiNetzDeadLettersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, byte[]> template, MongoOperations mongo,
            @Value("${spring.application.name}") String service, KiNetzKafkaProperties properties,
            ObjectProvider<Clock> clock) {
        return new DeadLetters(consumers, template, mongo, service, properties.acknowledgementTimeout(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DeadLettersController deadLettersController(DeadLetters deadLetters) {
        return new DeadLettersController(deadLetters);
    }

    /** Checked before the request is read, so a caller without the role learns nothing about the dead letters. */
    @Bean
    EndpointRoles deadLettersAreTheLakis() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, DeadLettersController.PATH).hasRole("laki")
                .requestMatchers(HttpMethod.POST, DeadLettersController.PATH + "/redrive").hasRole("laki");
    }
}
