package nrw.kinetz.sites.site;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.infra.metrics.RelayBacklog;
import nrw.kinetz.sites.SitesProperties;

/**
 * Wires the site feature: its store, its outbox relay, its application service and the seeding. Endpoints
 * (controllers, Kafka listeners) are found by component scan; everything else is declared here, so the
 * classes carry no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

    @Bean
    SiteStore siteStore(MongoTemplate mongo) {
        return new MongoSiteStore(mongo);
    }

    @Bean
    SiteEventRelay siteEventRelay(SiteStore store, EventPublisher publisher, SitesProperties properties,
            MongoTemplate mongo, MeterRegistry meters) {
        RelayBacklog.register(meters, "site-events", "sites with events not yet on Kafka",
                RelayBacklog.documentsWithPending(mongo, MongoSiteStore.COLLECTION, SiteDocument.PENDING));
        return new SiteEventRelay(store, publisher, properties);
    }

    @Bean
    SiteService siteService(SiteStore store, PendingEventsSignal relay, Clock clock) {
        return new SiteService(store, relay, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "kinetz.sites.seed.enabled", havingValue = "true", matchIfMissing = true)
    SiteSeeder siteSeeder(SiteStore store, SiteService service, PendingEventsSignal relay) {
        return new SiteSeeder(store, service, relay);
    }
}
