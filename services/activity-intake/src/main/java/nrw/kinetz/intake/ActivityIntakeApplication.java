package nrw.kinetz.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.activity.ActivityEventTypes;

/** The activity intake: KI systems push activity reports here; they leave as events on {@code ki.activities.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivityIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActivityIntakeApplication.class, args);
    }

    /** The activity events, whose schemas this service serves at {@code /api/v1/schemas/<schemaName>.json}. */
    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(ActivityEventTypes.ALL);
    }
}
