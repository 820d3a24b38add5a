package nrw.kinetz.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BrowserRequirementTests {

    @Test
    void browserTestsAreRequiredOnlyWhenCiSaysSo() {
        assertThat(BrowserRequirement.required(Map.of(), null)).isFalse();
        assertThat(BrowserRequirement.required(Map.of(BrowserRequirement.VARIABLE, "optional"), "")).isFalse();
        assertThat(BrowserRequirement.required(Map.of(BrowserRequirement.VARIABLE, "required"), null)).isTrue();
        assertThat(BrowserRequirement.required(Map.of(), "required")).isTrue();
    }
}
