package nrw.kinetz.model.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;

class ProgramCatalogueTests {

    @Test
    void everyProgramHasTermsAndIndicators() {
        assertThat(ProgramCatalogue.all()).hasSize(Program.values().length)
                .allSatisfy(terms -> assertThat(terms.allIndicators(terms.firstYear())).isNotEmpty());
    }

    @Test
    void kommAnTwoBlockAReportsMeetingPointsVisitsAndVolunteers() {
        assertThat(ProgramCatalogue.terms(Program.KOMM_AN_II).indicators(Program.Block.A, 2025))
                .containsExactly(Indicator.MEETING_POINT_SESSIONS, Indicator.VISITS, Indicator.VOLUNTEERS_ENGAGED);
        assertThat(ProgramCatalogue.terms(Program.RUCKSACK_KITA).indicators(null, 2025))
                .containsExactly(Indicator.GROUPS, Indicator.FAMILIES, Indicator.SESSIONS);
    }

    @Test
    void budgetYearsOutsideTheProgramAreRefused() {
        ProgramTerms kommIn = ProgramCatalogue.terms(Program.KOMM_IN);
        kommIn.checkBudgetYear(2010, 2026);
        assertThatThrownBy(() -> kommIn.checkBudgetYear(2013, 2026)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2005–2012");
        ProgramTerms kim = ProgramCatalogue.terms(Program.KIM);
        kim.checkBudgetYear(2027, 2026);
        assertThatThrownBy(() -> kim.checkBudgetYear(2019, 2026)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> kim.checkBudgetYear(2028, 2026)).isInstanceOf(InvalidValueException.class);
    }
}
