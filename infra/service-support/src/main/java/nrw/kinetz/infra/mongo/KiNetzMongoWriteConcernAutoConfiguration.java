package nrw.kinetz.infra.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;

/**
 * Every service writes with write concern {@code majority}, journaled: an acknowledged write survives a crash
 * and a fail-over of a replica set. That is the guarantee the services build on — a listener's kept consumer
 * position and the intake's claims are on disk before anything that depends on them happens. The embedded
 * store of tests and the devstack accepts the write concern and keeps a weaker promise, which the services
 * tolerate (see {@code docs/architecture.md}, crash consistency).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class KiNetzMongoWriteConcernAutoConfiguration {

    static final WriteConcern WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

    @Bean
    MongoClientSettingsBuilderCustomizer kiNetzWriteConcern() {
        return settings -> settings.writeConcern(WRITE_CONCERN);
    }
}
