package nrw.kinetz.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.testkit.WithKiNetzInfrastructure;

import nrw.kinetz.testkit.HealthExposure;

/** {@code /actuator/health} tells everyone whether the service is up and only the LaKI its parts and their details. */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class HealthIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void onlyTheLakiSeesThePartsOfTheHealthAndTheirDetails() {
        HealthExposure.onlyTheLakiSeesTheParts(port);
    }
}
