package nrw.kinetz.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import nrw.kinetz.infra.web.ProblemTexts;

/** The service's problem texts (problems.properties) and the shared ones, each with its German text. */
class ProblemTextsTests {

    @Test
    void everyProblemTextHasAGermanTextWithTheSamePlaceholders() {
        assertThat(ProblemTexts.standard().keysWithoutGerman()).isEmpty();
        assertThat(ProblemTexts.standard().keysWithOtherPlaceholders()).isEmpty();
    }

    @Test
    void aDisbursementBeyondTheGrantIsExplainedInGermanWhenAskedFor() {
        assertThat(ProblemTexts.standard().translate("Drawing 5000.00 would bring the sum drawn to 20000.00, more than the"
                + " 15000.00 granted; at most 0.00 can still be drawn.", Locale.GERMAN)).isEqualTo("Ein Abruf von 5000.00"
                + " brächte die abgerufene Summe auf 20000.00, mehr als die bewilligten 15000.00; höchstens 0.00 können noch"
                + " abgerufen werden.");
    }
}
