package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTests {

    @Test
    void theTwoFieldsHaveTheirGermanNames() {
        assertThat(Field.BILDUNG.label()).isEqualTo("Integration durch Bildung");
        assertThat(Field.QUERSCHNITT.label()).isEqualTo("Integration als Querschnittsaufgabe");
        assertThat(Field.values()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BILDUNG", "bildung", " Bildung "})
    void parseAcceptsTheCodeInAnyCaseWithBlanksAround(String code) {
        assertThat(Field.parse(code)).isEqualTo(Field.BILDUNG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Integration durch Bildung", "BILDUNGS", "SCHULE"})
    void parseRejectsAnythingButACodeListingTheCodes(String code) {
        assertThatThrownBy(() -> Field.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + code + "' is not a field; allowed: BILDUNG, QUERSCHNITT");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingField(String code) {
        assertThatThrownBy(() -> Field.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("a field is required; allowed: BILDUNG, QUERSCHNITT");
    }
}
