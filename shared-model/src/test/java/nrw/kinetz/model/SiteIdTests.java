package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class SiteIdTests {

    private final JsonMapper json = JsonMapper.builder().build();

    record Payload(SiteId siteId, int count) {
    }

    @Test
    void siteIdAcceptsADistrictKey() {
        SiteId soest = SiteId.of("05974");

        assertThat(soest.value()).isEqualTo("05974");
        assertThat(soest).hasToString("05974");
        assertThat(soest.districtKey()).isEqualTo(DistrictKey.of("05974"));
        assertThat(soest.regierungsbezirk()).isEqualTo(Regierungsbezirk.ARNSBERG);
        assertThat(soest.isMunicipality()).isFalse();
    }

    @Test
    void siteIdAcceptsTheCityOfAachensMunicipalKey() {
        SiteId aachen = SiteId.of("05334002");

        assertThat(aachen).isEqualTo(SiteId.AACHEN_CITY);
        assertThat(aachen.isMunicipality()).isTrue();
        assertThat(aachen.districtKey()).isEqualTo(DistrictKey.of("05334"));
        assertThat(aachen.regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
        assertThat(aachen).hasToString("05334002");
    }

    @Test
    void theSyntheticKeyRangeIsWellFormedButNamesNoMunicipality() {
        SiteId first = SiteId.synthetic(1);

        assertThat(first).isEqualTo(SiteId.of("05999001"));
        assertThat(first.isSynthetic()).isTrue();
        assertThat(first.isMunicipality()).isFalse();
        assertThat(SiteId.synthetic(540 - 54).value()).isEqualTo("05999486");
        assertThat(SiteId.of("05974").isSynthetic()).isFalse();
        assertThat(SiteId.AACHEN_CITY.isSynthetic()).isFalse();
        assertThatThrownBy(() -> SiteId.of("05999000")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SiteId.synthetic(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCityOfAachenIsAnotherSiteThanTheStaedteregion() {
        assertThat(SiteId.AACHEN_CITY).isNotEqualTo(SiteId.of("05334"));
        assertThat(SiteId.AACHEN_CITY.districtKey()).isEqualTo(SiteId.of("05334").districtKey());
    }

    @Test
    void aDistrictsSiteHasTheDistrictKeyAsId() {
        assertThat(SiteId.of(DistrictKey.of("05766"))).isEqualTo(SiteId.of("05766"));
    }

    @Test
    void ofRemovesBlanksAroundTheId() {
        assertThat(SiteId.of(" 05334002 ")).isEqualTo(SiteId.AACHEN_CITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"05334004", "05974012", "05111000"})
    void siteIdRejectsAnotherEightDigitKey(String key) {
        assertThatThrownBy(() -> SiteId.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("'" + key + "' is not a KI site id: the only KI with a municipal key is "
                        + "the city of Aachen (05334002)")
                .hasMessageEndingWith("here " + key.substring(0, 5))
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo(key);
    }

    @Test
    void anEightDigitKeyOutsideNrwGetsNoDistrictHint() {
        assertThatThrownBy(() -> SiteId.of("09162000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("the only KI with a municipal key is the city of Aachen")
                .message().doesNotContain("here 09162");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0597", "059740", "0533400", "053340020", "05334-002", "KI-05974"})
    void siteIdRejectsOtherLengthsAndCharacters(String key) {
        assertThatThrownBy(() -> SiteId.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + key + "' is not a KI site id: expected the 5-digit district key (e.g. 05974) "
                        + "or 05334002 for the city of Aachen");
    }

    @Test
    void siteIdOutsideNrwIsRejected() {
        assertThatThrownBy(() -> SiteId.of("09162"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'09162' is not a KI site id")
                .hasMessageContaining("belong to another state");
    }

    @Test
    void siteIdWithAnImpossibleRegierungsbezirkIsRejected() {
        assertThatThrownBy(() -> SiteId.of("05274"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("third digit names the Regierungsbezirk");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aMissingSiteIdIsRejected(String key) {
        assertThatThrownBy(() -> SiteId.of(key))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a KI site id is required");
    }

    @Test
    void jsonWritesThePlainString() {
        assertThat(json.writeValueAsString(SiteId.AACHEN_CITY)).isEqualTo("\"05334002\"");
        assertThat(json.writeValueAsString(new Payload(SiteId.of("05974"), 3)))
                .isEqualTo("{\"siteId\":\"05974\",\"count\":3}");
    }

    @Test
    void jsonRoundTripsInsideAPayload() {
        Payload payload = new Payload(SiteId.AACHEN_CITY, 7);

        assertThat(json.readValue(json.writeValueAsString(payload), Payload.class)).isEqualTo(payload);
    }

    @Test
    void jsonRoundTripsAsAMapKey() {
        Map<SiteId, Integer> counts = Map.of(SiteId.of("05974"), 1, SiteId.AACHEN_CITY, 2);

        String text = json.writeValueAsString(counts);

        assertThat(text).contains("\"05334002\":2").contains("\"05974\":1");
        assertThat(json.readValue(text, new TypeReference<Map<SiteId, Integer>>() { })).isEqualTo(counts);
    }

    @Test
    void jsonRejectsAnUnknownMunicipalKeyWithTheSameMessage() {
        assertThatThrownBy(() -> json.readValue("{\"siteId\":\"05334004\",\"count\":1}", Payload.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'05334004' is not a KI site id");
    }
}
