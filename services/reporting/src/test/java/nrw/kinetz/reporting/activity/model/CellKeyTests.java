package nrw.kinetz.reporting.activity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

class CellKeyTests {

    private final CellKey aachen = new CellKey(SiteId.AACHEN_CITY, Period.Month.parse("2026-07"), FocusArea.SPORT,
            ActivityType.VERANSTALTUNG, Program.KOMM_AN_II);

    @Test
    void theKeyNamesMeasureSiteMonthAndCodesAndReadsBack() {
        assertThat(aachen.value()).isEqualTo("activities/05334002/2026-07/SPORT/VERANSTALTUNG/KOMM_AN_II");
        assertThat(CellKey.parse(aachen.value())).isEqualTo(aachen);
    }

    @Test
    void anAbsentProgramIsWrittenNoneAndLeftOutOfTheDimensions() {
        CellKey none = new CellKey(SiteId.of("05974"), Period.Month.parse("2026-07"), FocusArea.ELTERNBILDUNG,
                ActivityType.ELTERNPROGRAMM, null);

        assertThat(none.value()).endsWith("/NONE");
        assertThat(CellKey.parse(none.value())).isEqualTo(none);
        assertThat(none.dimensions()).containsOnlyKeys("site", "regierungsbezirk", "field", "focusArea", "activityType");
    }

    @Test
    void fieldAndRegierungsbezirkFollowFromFocusAreaAndSite() {
        assertThat(aachen.dimensions()).containsEntry("field", "QUERSCHNITT").containsEntry("regierungsbezirk", "3");
    }

    @Test
    void aKeyOfAnotherMeasureIsRefused() {
        assertThatThrownBy(() -> CellKey.parse("sites/05974")).isInstanceOf(IllegalArgumentException.class);
    }
}
