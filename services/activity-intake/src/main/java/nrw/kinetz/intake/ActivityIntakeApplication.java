package nrw.kinetz.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The activity intake: KI systems push activity reports here; they leave as events on {@code ki.activities.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivityIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActivityIntakeApplication.class, args);
    }
}
