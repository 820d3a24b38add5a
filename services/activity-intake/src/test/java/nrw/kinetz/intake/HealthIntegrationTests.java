package nrw.kinetz.intake;

import org.junit.jupiter.api.Test;


import nrw.kinetz.testkit.HealthExposure;

/** {@code /actuator/health} tells everyone whether the service is up and only the LaKI its parts and their details. */
class HealthIntegrationTests extends IntakeIntegrationTest {

    @Test
    void onlyTheLakiSeesThePartsOfTheHealthAndTheirDetails() {
        HealthExposure.onlyTheLakiSeesTheParts(port);
    }
}
