package nrw.kinetz.sites.site;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

import nrw.kinetz.testkit.HealthExposure;

/** {@code /actuator/health} tells everyone whether the service is up and only the LaKI its parts and their details. */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
class HealthIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void onlyTheLakiSeesThePartsOfTheHealthAndTheirDetails() {
        HealthExposure.onlyTheLakiSeesTheParts(port);
    }
}
