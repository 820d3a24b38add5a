package nrw.kinetz.reporting.sample.adapter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires where reporting remembers that sample data arrived. */
@Configuration(proxyBeanMethods = false)
public class SampleDataConfiguration {

    @Bean
    public MongoSampleData mongoSampleData(MongoOperations mongo) {
        return new MongoSampleData(mongo);
    }
}
