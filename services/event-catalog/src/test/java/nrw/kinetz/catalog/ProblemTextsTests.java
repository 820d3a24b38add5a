package nrw.kinetz.catalog;

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
    void aClosedRegistrationIsExplainedInGermanWhenAskedFor() {
        assertThat(ProblemTexts.standard().translate("The registration deadline (2027-03-09T12:00+01:00) has passed.",
                Locale.GERMAN)).isEqualTo("Der Anmeldeschluss (2027-03-09T12:00+01:00) ist vorbei.");
    }
}
