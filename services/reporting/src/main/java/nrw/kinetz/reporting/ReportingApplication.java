package nrw.kinetz.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Reporting: consumes the network's topics into read models of its own and answers aggregated,
 * suppression-aware feeds for the LaKI and the dashboard (docs/architecture.md#reading-api).
 */
@SpringBootApplication
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
