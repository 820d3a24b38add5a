package nrw.kinetz.infra.position;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** {@link KeptPositions} for every listener, kept in the service's own MongoDB database. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBean(MongoOperations.class)
public class KiNetzPositionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConsumerPositions consumerPositions(MongoOperations mongo) {
        return new MongoConsumerPositions(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    KeptPositions keptPositions(ConsumerPositions positions) {
        return new KeptPositions(positions);
    }
}
