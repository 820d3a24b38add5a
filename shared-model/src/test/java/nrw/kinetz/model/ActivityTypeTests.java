package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ActivityTypeTests {

    @Test
    void theCodesAreThoseOfTheDesign() {
        assertThat(ActivityType.values()).extracting(Enum::name).containsExactly("ERSTBERATUNG_SEITENEINSTEIGER",
                "ELTERNPROGRAMM", "FORTBILDUNG", "NETZWERKTREFFEN", "BERATUNG", "VERANSTALTUNG", "EHRENAMT_BEGLEITUNG",
                "SPRACHMITTLUNG", "PROJEKT");
    }

    @ParameterizedTest
    @EnumSource(ActivityType.class)
    void everyTypeParsesFromItsCodeInAnyCaseAndHasALabel(ActivityType type) {
        assertThat(ActivityType.parse(type.name())).isEqualTo(type);
        assertThat(ActivityType.parse(" " + type.name().toLowerCase(Locale.ROOT) + " ")).isEqualTo(type);
        assertThat(type.label()).isNotBlank();
    }

    @Test
    void parseRejectsAnUnknownTypeListingAllCodes() {
        assertThatThrownBy(() -> ActivityType.parse("WORKSHOP"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'WORKSHOP' is not an activity type; allowed: ERSTBERATUNG_SEITENEINSTEIGER, ELTERNPROGRAMM, "
                        + "FORTBILDUNG, NETZWERKTREFFEN, BERATUNG, VERANSTALTUNG, EHRENAMT_BEGLEITUNG, SPRACHMITTLUNG, "
                        + "PROJEKT");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingType(String code) {
        assertThatThrownBy(() -> ActivityType.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("an activity type is required; allowed: ");
    }
}
