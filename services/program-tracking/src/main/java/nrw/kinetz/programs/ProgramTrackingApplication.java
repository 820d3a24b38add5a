package nrw.kinetz.programs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.infra.schema.ProducedEvents;
import nrw.kinetz.model.program.ProgramEventTypes;

/**
 * Program tracking: what each KI applied for, was granted, drew, passed on and spent per programme and budget
 * year, what its measures achieved against their targets, and whether its period report is accepted. Every
 * change is announced on {@code ki.programs.v1}.
 */
@SpringBootApplication
public class ProgramTrackingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgramTrackingApplication.class, args);
    }

    /** Serves the JSON Schema of every program event at {@code /api/v1/schemas/<type>.json}. */
    @Bean
    ProducedEvents producedEvents() {
        return ProducedEvents.of(ProgramEventTypes.ALL);
    }
}
