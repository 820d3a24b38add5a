package nrw.kinetz.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nrw.kinetz.infra.web.ProblemTexts;

/** The service's problem texts (problems.properties) and the shared ones, each with its German text. */
class ProblemTextsTests {

    @Test
    void everyProblemTextHasAGermanTextWithTheSamePlaceholders() {
        assertThat(ProblemTexts.standard().keysWithoutGerman()).isEmpty();
        assertThat(ProblemTexts.standard().keysWithOtherPlaceholders()).isEmpty();
    }
}
