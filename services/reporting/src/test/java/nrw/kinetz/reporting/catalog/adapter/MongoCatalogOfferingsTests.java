package nrw.kinetz.reporting.catalog.adapter;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class MongoCatalogOfferingsTests {

    @Test
    void registrationIdsThatWouldNameAnotherFieldAreRefused() {
        for (String bad : new String[] {null, "", "a.b", "$set"}) {
            assertThatThrownBy(() -> MongoCatalogOfferings.fieldName(bad)).as("registration id %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theCatalogsRegistrationIdsAreAccepted() {
        assertThatCode(() -> MongoCatalogOfferings.fieldName(UUID.randomUUID().toString())).doesNotThrowAnyException();
    }
}
