package nrw.kinetz.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.aggregate.AggregateEventTypes;

/**
 * Reporting: consumes the network's topics into read models of its own and answers aggregated,
 * suppression-aware feeds for the LaKI and the dashboard (docs/architecture.md#reading-api).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }

    /** The aggregate events on {@code laki.aggregates.v1}, whose schemas this service serves at {@code /api/v1/schemas/<schemaName>.json}. */
    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(AggregateEventTypes.ALL);
    }
}
