package nrw.kinetz.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ProblemTextsTests {

    private final ProblemTexts texts = new ProblemTexts(List.of(ProblemTexts.SHARED_BUNDLE));

    @Test
    void germanWhenAcceptLanguagePrefersItEnglishOtherwise() {
        assertThat(ProblemTexts.language("de")).isEqualTo(Locale.GERMAN);
        assertThat(ProblemTexts.language("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(ProblemTexts.language("fr-FR,de;q=0.5")).as("German is the only one asked for that we speak").isEqualTo(Locale.GERMAN);
        assertThat(ProblemTexts.language("en-US,de;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemTexts.language("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemTexts.language(null)).as("no header, whatever the server's locale").isEqualTo(Locale.ENGLISH);
        assertThat(ProblemTexts.language("de;q=nonsense")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void englishStaysAsTheCodeWroteIt() {
        assertThat(texts.translate("Bad Request", Locale.ENGLISH)).isEqualTo("Bad Request");
        assertThat(texts.translate("must be ≥ 0", Locale.ENGLISH)).isEqualTo("must be ≥ 0");
    }

    @Test
    void aKnownTextBecomesGermanWithItsVaryingPartsFilledIn() {
        assertThat(texts.translate("Bad Request", Locale.GERMAN)).isEqualTo("Ungültige Anfrage");
        assertThat(texts.translate("The request body is not valid: 2 problem(s).", Locale.GERMAN))
                .isEqualTo("Der Inhalt der Anfrage ist ungültig: 2 Problem(e).");
        assertThat(texts.translate("unknown KI site '05999': not one of the 54 KI sites of NRW", Locale.GERMAN))
                .isEqualTo("unbekanntes KI '05999': keines der 54 KI in NRW");
    }

    @Test
    void partsThatAreKnownTextsAreTranslatedToo() {
        assertThat(texts.translate("'TANZ' is not a focus area; allowed: FRUEHE_BILDUNG, SCHULE", Locale.GERMAN))
                .isEqualTo("'TANZ' ist nicht ein Handlungsfeld; erlaubt: FRUEHE_BILDUNG, SCHULE");
        assertThat(texts.translate("participants: must be ≥ 0, was -3", Locale.GERMAN)).isEqualTo("participants: muss ≥ 0 sein, war -3");
        assertThat(texts.translate("'2026-13' is not a period: the month must be 01 to 12, e.g. 2026-07", Locale.GERMAN))
                .isEqualTo("'2026-13' ist kein Zeitraum: der Monat muss 01 bis 12 sein, z. B. 2026-07");
    }

    @Test
    void anUnknownTextStaysEnglishRatherThanBeingLost() {
        assertThat(texts.translate("something nobody wrote a translation for", Locale.GERMAN))
                .isEqualTo("something nobody wrote a translation for");
    }

    @Test
    void everySharedTextHasAGermanTextWithTheSamePlaceholders() {
        assertThat(texts.keys()).hasSizeGreaterThan(50);
        assertThat(texts.keysWithoutGerman()).isEmpty();
        assertThat(texts.keysWithOtherPlaceholders()).isEmpty();
    }
}
