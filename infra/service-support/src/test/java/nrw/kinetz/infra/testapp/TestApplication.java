package nrw.kinetz.infra.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses the shared auto-configuration the way every real service does. */
@SpringBootApplication
public class TestApplication {
}
