package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

class RoleTests {

    @Test
    void claimValuesAreTheLowerCaseRoleNamesOfTheDesign() {
        assertThat(Role.values()).extracting(Role::claimValue).containsExactly("laki", "ki", "viewer");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleIsFoundByItsClaimValue(Role role) {
        assertThat(Role.fromClaim(role.claimValue())).contains(role);
        assertThat(role.label()).isNotBlank();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"LAKI", "Laki", " laki", "admin", "offline_access", "ki-05974"})
    void aClaimValueThatIsNotExactlyOursGrantsNoRole(String claim) {
        assertThat(Role.fromClaim(claim)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"laki", "LAKI", " Laki "})
    void parseAcceptsTheCodeInAnyCase(String code) {
        assertThat(Role.parse(code)).isEqualTo(Role.LAKI);
    }

    @Test
    void parseRejectsAnUnknownRoleListingTheClaimValues() {
        assertThatThrownBy(() -> Role.parse("admin"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'admin' is not a role; allowed: laki, ki, viewer");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingRole(String code) {
        assertThatThrownBy(() -> Role.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("a role is required; allowed: laki, ki, viewer");
    }

    @Test
    void jsonUsesTheClaimValue() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(Role.VIEWER)).isEqualTo("\"viewer\"");
        assertThat(json.readValue("\"ki\"", Role.class)).isEqualTo(Role.KI);
    }
}
