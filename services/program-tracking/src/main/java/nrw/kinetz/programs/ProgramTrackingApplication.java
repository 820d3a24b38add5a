package nrw.kinetz.programs;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Program tracking: what each KI applied for, was granted, drew, passed on and spent per programme and budget
 * year, what its measures achieved against their targets, and whether its period report is accepted. Every
 * change is announced on {@code ki.programs.v1}.
 */
@SpringBootApplication
public class ProgramTrackingApplication {

    /** Budget years, due dates and "not in the future" are Berlin dates. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) {
        SpringApplication.run(ProgramTrackingApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(BERLIN);
    }
}
