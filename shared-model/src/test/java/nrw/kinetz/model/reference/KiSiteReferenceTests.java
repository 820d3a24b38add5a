package nrw.kinetz.model.reference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.TerritoryKind;

class KiSiteReferenceTests {

    @Test
    void consistentFactsAreAccepted() {
        assertThatCode(() -> new KiSiteReference(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS,
                Regierungsbezirk.ARNSBERG, DistrictKey.of("05974"), 301_902)).doesNotThrowAnyException();
    }

    @Test
    void aSiteOutsideItsDistrictIsRejected() {
        assertThatThrownBy(() -> new KiSiteReference(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS,
                Regierungsbezirk.ARNSBERG, DistrictKey.of("05978"), 301_902))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site 05974 lies in district 05974, not 05978");
    }

    @Test
    void aRegionThatContradictsTheKeyIsRejected() {
        assertThatThrownBy(() -> new KiSiteReference(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS,
                Regierungsbezirk.DETMOLD, DistrictKey.of("05974"), 301_902))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("district 05974 belongs to Regierungsbezirk Arnsberg, not Detmold");
    }

    @Test
    void aPopulationBelowOneIsRejected() {
        assertThatThrownBy(() -> new KiSiteReference(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS,
                Regierungsbezirk.ARNSBERG, DistrictKey.of("05974"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population must be positive");
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatThrownBy(() -> new KiSiteReference(SiteId.of("05974"), " ", TerritoryKind.KREIS,
                Regierungsbezirk.ARNSBERG, DistrictKey.of("05974"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name is blank");
    }
}
