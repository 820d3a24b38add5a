package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class DistrictKeyTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anNrwKeyIsAccepted() {
        DistrictKey soest = DistrictKey.of("05974");

        assertThat(soest.value()).isEqualTo("05974");
        assertThat(soest).hasToString("05974");
        assertThat(soest.regierungsbezirk()).isEqualTo(Regierungsbezirk.ARNSBERG);
    }

    @Test
    void keysAreEqualByValue() {
        assertThat(DistrictKey.of("05974")).isEqualTo(new DistrictKey("05974")).isNotEqualTo(DistrictKey.of("05978"));
    }

    @Test
    void ofRemovesBlanksAroundTheKey() {
        assertThat(DistrictKey.of(" 05974\t").value()).isEqualTo("05974");
    }

    @Test
    void theConstructorDoesNotTrimSoNoUntrimmedValueCanExist() {
        assertThatThrownBy(() -> new DistrictKey(" 05974")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aTooShortKeyIsRejectedWithAnActionableMessage() {
        assertThatThrownBy(() -> DistrictKey.of("0597"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'0597' is not a district key: expected 5 digits starting with 05 (NRW), e.g. 05974")
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo("0597");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09162", "11000", "06411"})
    void districtKeyOutsideNrwIsRejected(String key) {
        assertThatThrownBy(() -> DistrictKey.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'" + key + "' is not a district key")
                .hasMessageContaining("belong to another state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"05000", "05234", "05474", "05634", "05874"})
    void aThirdDigitThatNamesNoRegierungsbezirkIsRejected(String key) {
        assertThatThrownBy(() -> DistrictKey.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("third digit names the Regierungsbezirk and must be 1, 3, 5, 7 or 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0597a", "05 74", "059740", "5974", "05-974", "０５９７４", "٠٥٩٧٤", "+5974"})
    void anythingButFiveAsciiDigitsIsRejected(String key) {
        assertThatThrownBy(() -> DistrictKey.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("expected 5 digits starting with 05 (NRW)");
    }

    @Test
    void aMunicipalKeyIsRejectedWithAHintToItsDistrict() {
        assertThatThrownBy(() -> DistrictKey.of("05334002"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("an 8-digit municipal key is not a district key, its first 5 digits are");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void aMissingKeyIsRejected(String key) {
        assertThatThrownBy(() -> DistrictKey.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a district key is required: expected 5 digits");
    }

    @Test
    void jsonWritesThePlainString() {
        assertThat(json.writeValueAsString(DistrictKey.of("05334"))).isEqualTo("\"05334\"");
    }

    @Test
    void jsonRoundTripsThroughThePlainString() {
        DistrictKey key = DistrictKey.of("05111");

        assertThat(json.readValue(json.writeValueAsString(key), DistrictKey.class)).isEqualTo(key);
    }

    @Test
    void jsonRejectsAMalformedKeyWithTheSameMessage() {
        assertThatThrownBy(() -> json.readValue("\"9999\"", DistrictKey.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'9999' is not a district key");
    }
}
