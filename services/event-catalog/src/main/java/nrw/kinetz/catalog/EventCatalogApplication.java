package nrw.kinetz.catalog;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The event catalog: trainings, network meetings and conferences of the LaKI and the KIs, registration by
 * e-mail with double opt-in, waiting lists, attendance and calendars. Announces its facts on
 * {@code ki.catalog.v1}; names and e-mail addresses of people never leave it.
 */
@SpringBootApplication
public class EventCatalogApplication {

    /** Sessions, deadlines and the page speak Berlin time. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) {
        SpringApplication.run(EventCatalogApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(BERLIN);
    }
}
