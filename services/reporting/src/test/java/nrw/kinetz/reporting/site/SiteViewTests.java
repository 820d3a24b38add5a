package nrw.kinetz.reporting.site;

import static nrw.kinetz.reporting.site.SiteEvents.VIERSEN;
import static nrw.kinetz.reporting.site.SiteEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.site.SiteStatusChanged;

class SiteViewTests {

    private static final LocalDate DECIDED_ON = LocalDate.of(2016, 3, 1);
    private static final LocalDate FUNDED_ON = LocalDate.of(2017, 10, 1);

    private final SiteView viersen = SiteView.unknown(VIERSEN)
            .registered(registration(VIERSEN, SiteStatus.DECIDED, DECIDED_ON), at(0))
            .statusChanged(new SiteStatusChanged(VIERSEN, SiteStatus.DECIDED, SiteStatus.FUNDED, FUNDED_ON), at(1));

    @Test
    void statusOnADayIsTheStepInEffectThen() {
        assertThat(viersen.statusOn(DECIDED_ON)).contains(SiteStatus.DECIDED);
        assertThat(viersen.statusOn(FUNDED_ON.minusDays(1))).contains(SiteStatus.DECIDED);
        assertThat(viersen.statusOn(FUNDED_ON)).contains(SiteStatus.FUNDED);
        assertThat(viersen.statusOn(LocalDate.of(2030, 1, 1))).contains(SiteStatus.FUNDED);
    }

    @Test
    void beforeItsFirstKnownStepTheSiteHasNoStatus() {
        assertThat(viersen.statusOn(DECIDED_ON.minusDays(1))).isEmpty();
    }

    @Test
    void backDatedCorrectionOverridesEarlierStepsFromItsEffectiveDayOn() {
        SiteView corrected = viersen.statusChanged(
                new SiteStatusChanged(VIERSEN, SiteStatus.FUNDED, SiteStatus.CLOSED, LocalDate.of(2017, 1, 1)), at(2));

        assertThat(corrected.status()).contains(SiteStatus.CLOSED);
        assertThat(corrected.statusOn(LocalDate.of(2016, 12, 31))).contains(SiteStatus.DECIDED);
        assertThat(corrected.statusOn(LocalDate.of(2018, 1, 1))).contains(SiteStatus.CLOSED);
    }

    @Test
    void everyAppliedEventRaisesTheRevisionAndIsRemembered() {
        assertThat(viersen.revision()).isEqualTo(2);
        assertThat(viersen.appliedEventIds()).hasSize(2);
        assertThat(viersen.lastDelivery().offset()).isEqualTo(1);
    }

    private static Delivery at(long offset) {
        return new Delivery(UUID.randomUUID(), 0, offset);
    }
}
