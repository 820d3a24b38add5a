package nrw.kinetz.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.catalog.CatalogEventTypes;

/**
 * The event catalog: trainings, network meetings and conferences of the LaKI and the KIs, registration by
 * e-mail with double opt-in, waiting lists, attendance and calendars. Announces its facts on
 * {@code ki.catalog.v1}; names and e-mail addresses of people never leave it. Sessions, deadlines and the page
 * speak the network's time ({@link nrw.kinetz.model.NetworkTime#ZONE}).
 */
@SpringBootApplication
public class EventCatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventCatalogApplication.class, args);
    }

    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(CatalogEventTypes.ALL);
    }
}
