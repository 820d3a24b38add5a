package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class TerritoryKindTests {

    @Test
    void labelsAreGerman() {
        assertThat(TerritoryKind.values()).extracting(TerritoryKind::label)
                .containsExactly("Kreis", "Kreisfreie Stadt", "Städteregion", "Stadt in der Städteregion");
    }

    @ParameterizedTest
    @EnumSource(TerritoryKind.class)
    void everyKindParsesFromItsCodeInAnyCase(TerritoryKind kind) {
        assertThat(TerritoryKind.parse(kind.name())).isEqualTo(kind);
        assertThat(TerritoryKind.parse(kind.name().toLowerCase(Locale.ROOT))).isEqualTo(kind);
    }

    @Test
    void parseRejectsAnUnknownKindListingAllCodes() {
        assertThatThrownBy(() -> TerritoryKind.parse("GEMEINDE"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'GEMEINDE' is not a territory kind; allowed: KREIS, KREISFREIE_STADT, STAEDTEREGION, "
                        + "STADT_IN_STAEDTEREGION");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingKind(String code) {
        assertThatThrownBy(() -> TerritoryKind.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a territory kind is required");
    }
}
