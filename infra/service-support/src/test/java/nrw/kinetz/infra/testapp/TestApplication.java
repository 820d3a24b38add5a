package nrw.kinetz.infra.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.site.SiteEventTypes;

/** A minimal service that uses the shared auto-configuration the way every real service does. */
@SpringBootApplication
public class TestApplication {

    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(SiteEventTypes.ALL);
    }
}
