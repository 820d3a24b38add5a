package nrw.kinetz.model;

import static nrw.kinetz.model.FocusArea.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class FocusAreaTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void educationHasItsFiveFocusAreasInOrder() {
        assertThat(FocusArea.of(Field.BILDUNG)).containsExactly(FRUEHE_BILDUNG, SCHULE_SPRACHBILDUNG,
                UEBERGANG_SCHULE_BERUF, SEITENEINSTEIGERBERATUNG, ELTERNBILDUNG);
    }

    @Test
    void theCrossCuttingFieldHasItsNineFocusAreasInOrder() {
        assertThat(FocusArea.of(Field.QUERSCHNITT)).containsExactly(ARBEIT, SPORT, GESUNDHEIT, WIRTSCHAFT, KULTUR,
                WOHNEN, REGELDIENSTE_OEFFNUNG, EHRENAMT, ZUSAMMENLEBEN_QUARTIER);
    }

    @Test
    void everyFocusAreaBelongsToExactlyOneField() {
        List<FocusArea> listed = new ArrayList<>();
        for (Field field : Field.values()) {
            FocusArea.of(field).forEach(area -> assertThat(area.field()).isEqualTo(field));
            listed.addAll(FocusArea.of(field));
        }
        assertThat(listed).containsExactlyInAnyOrder(FocusArea.values());
    }

    @Test
    void theListOfAFieldCannotBeChanged() {
        assertThatThrownBy(() -> FocusArea.of(Field.BILDUNG).add(ARBEIT))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(FocusArea.class)
    void everyFocusAreaParsesFromItsCodeAndHasALabel(FocusArea area) {
        assertThat(FocusArea.parse(area.name())).isEqualTo(area);
        assertThat(FocusArea.parse(area.name().toLowerCase(Locale.ROOT))).isEqualTo(area);
        assertThat(area.label()).isNotBlank().isNotEqualTo(area.name());
    }

    @Test
    void labelsAreGerman() {
        assertThat(FRUEHE_BILDUNG.label()).isEqualTo("Frühe Bildung");
        assertThat(REGELDIENSTE_OEFFNUNG.label()).isEqualTo("Interkulturelle Öffnung der Regeldienste");
    }

    @Test
    void parseRejectsAnUnknownCodeListingAllCodes() {
        assertThatThrownBy(() -> FocusArea.parse("FOO"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'FOO' is not a focus area; allowed: FRUEHE_BILDUNG, SCHULE_SPRACHBILDUNG, "
                        + "UEBERGANG_SCHULE_BERUF, SEITENEINSTEIGERBERATUNG, ELTERNBILDUNG, ARBEIT, SPORT, GESUNDHEIT, "
                        + "WIRTSCHAFT, KULTUR, WOHNEN, REGELDIENSTE_OEFFNUNG, EHRENAMT, ZUSAMMENLEBEN_QUARTIER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Frühe Bildung", "FRÜHE_BILDUNG", "FRUEHE-BILDUNG", "BILDUNG"})
    void parseDoesNotGuessFromLabelsOrNearMisses(String code) {
        assertThatThrownBy(() -> FocusArea.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("'" + code + "' is not a focus area; allowed: FRUEHE_BILDUNG");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingFocusArea(String code) {
        assertThatThrownBy(() -> FocusArea.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a focus area is required; allowed: ");
    }

    @Test
    void jsonWritesTheCodeAndReadsItInAnyCase() {
        assertThat(json.writeValueAsString(SEITENEINSTEIGERBERATUNG)).isEqualTo("\"SEITENEINSTEIGERBERATUNG\"");
        assertThat(json.readValue("\"seiteneinsteigerberatung\"", FocusArea.class)).isEqualTo(SEITENEINSTEIGERBERATUNG);
    }

    @Test
    void jsonRejectsAnUnknownCodeWithTheListOfCodes() {
        assertThatThrownBy(() -> json.readValue("\"FOO\"", FocusArea.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'FOO' is not a focus area; allowed: FRUEHE_BILDUNG");
    }
}
