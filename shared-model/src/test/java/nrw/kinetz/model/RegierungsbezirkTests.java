package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

class RegierungsbezirkTests {

    @Test
    void codesAreTheKeyDigitsOfTheFiveRegions() {
        assertThat(Regierungsbezirk.values()).extracting(Regierungsbezirk::code)
                .containsExactly("1", "3", "5", "7", "9");
    }

    @Test
    void labelsAreTheGermanNames() {
        assertThat(Regierungsbezirk.values()).extracting(Regierungsbezirk::label)
                .containsExactly("Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg");
    }

    @Test
    void theRegionOfADistrictIsTheThirdDigitOfItsKey() {
        assertThat(Regierungsbezirk.ofDistrictKey(DistrictKey.of("05111"))).isEqualTo(Regierungsbezirk.DUESSELDORF);
        assertThat(Regierungsbezirk.ofDistrictKey(DistrictKey.of("05334"))).isEqualTo(Regierungsbezirk.KOELN);
        assertThat(Regierungsbezirk.ofDistrictKey(DistrictKey.of("05515"))).isEqualTo(Regierungsbezirk.MUENSTER);
        assertThat(Regierungsbezirk.ofDistrictKey(DistrictKey.of("05766"))).isEqualTo(Regierungsbezirk.DETMOLD);
        assertThat(Regierungsbezirk.ofDistrictKey(DistrictKey.of("05974"))).isEqualTo(Regierungsbezirk.ARNSBERG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KOELN", "koeln", "Köln", "KÖLN", "köln", "3", " Köln "})
    void parseAcceptsNameLabelOrDigitInAnyCase(String input) {
        assertThat(Regierungsbezirk.parse(input)).isEqualTo(Regierungsbezirk.KOELN);
    }

    @Test
    void parseAcceptsEveryLabelAndDigit() {
        for (Regierungsbezirk rb : Regierungsbezirk.values()) {
            assertThat(Regierungsbezirk.parse(rb.label())).isEqualTo(rb);
            assertThat(Regierungsbezirk.parse(rb.code())).isEqualTo(rb);
            assertThat(Regierungsbezirk.parse(rb.name())).isEqualTo(rb);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aachen", "2", "Cologne", "05"})
    void parseRejectsAnythingElseListingTheAllowedValues(String input) {
        assertThatThrownBy(() -> Regierungsbezirk.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("'" + input + "' is not a Regierungsbezirk; allowed: ")
                .hasMessageContaining("KOELN (Köln, 3)")
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo(input);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void parseRejectsAMissingValue(String input) {
        assertThatThrownBy(() -> Regierungsbezirk.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a Regierungsbezirk is required");
    }

    @Test
    void jsonAcceptsTheLabel() {
        assertThat(JsonMapper.builder().build().readValue("\"Münster\"", Regierungsbezirk.class))
                .isEqualTo(Regierungsbezirk.MUENSTER);
    }
}
