package nrw.kinetz.infra.mongo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts the documents every service writes to the store ({@link StoreWrites}), for the benchmarks and operators. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, MeterRegistry.class})
public class KiNetzStoreWritesAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer kiNetzStoreWrites(ObjectProvider<MeterRegistry> meters) {
        return settings -> meters.ifAvailable(registry -> settings.addCommandListener(new StoreWrites(registry)));
    }
}
