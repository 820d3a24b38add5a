package nrw.kinetz.sites;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.site.SiteEventTypes;

/**
 * The site registry: the source of truth for which KI sites exist, where each stands in its lifecycle, its
 * staffing, focus areas and contact. Every change is announced on {@code ki.sites.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SiteRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(SiteRegistryApplication.class, args);
    }

    /** The site events, whose schemas this service serves at {@code /api/v1/schemas/<schemaName>.json}. */
    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(SiteEventTypes.ALL);
    }
}
