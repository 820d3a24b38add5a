package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProgramTests {

    @Test
    void theCodesAreThoseOfTheDesign() {
        assertThat(Program.values()).extracting(Enum::name).containsExactly("KOMM_IN", "KOMM_AN_I", "KOMM_AN_II",
                "KOMM_AN_III", "KIM", "GRIFFBEREIT", "RUCKSACK_KITA", "RUCKSACK_SCHULE", "KI_GRUNDFOERDERUNG");
    }

    @Test
    void kommAnIIHasTheFourBlocksInOrder() {
        assertThat(Program.KOMM_AN_II.blocks()).containsExactly("A", "B", "C", "D");
    }

    @ParameterizedTest
    @EnumSource(value = Program.class, names = "KOMM_AN_II", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherProgramHasNoBlocks(Program program) {
        assertThat(program.blocks()).isEmpty();
    }

    @Test
    void theBlocksCannotBeChanged() {
        assertThatThrownBy(() -> Program.KOMM_AN_II.blocks().add("E"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blocksHaveTheirGermanNames() {
        assertThat(Program.Block.values()).extracting(Program.Block::label).containsExactly("Ankommenstreffpunkte",
                "Zusammenkommen, Orientierung und Begleitung", "Information und Gewinnung neuer Ehrenamtlicher",
                "Qualifizierung und Begleitung Ehrenamtlicher");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C", "D"})
    void eachKommAnIIBlockIsAccepted(String block) {
        assertThat(Program.KOMM_AN_II.parseBlock(block)).contains(Program.Block.valueOf(block));
        assertThatCode(() -> Program.KOMM_AN_II.checkBlock(block)).doesNotThrowAnyException();
    }

    @Test
    void aBlockIsReadInLowerCaseAndWithBlanks() {
        assertThat(Program.KOMM_AN_II.parseBlock(" b ")).contains(Program.Block.B);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void noBlockIsFineForEveryProgram(String block) {
        for (Program program : Program.values()) {
            assertThat(program.parseBlock(block)).isEmpty();
            assertThatCode(() -> program.checkBlock(block)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "AB", "1", "Ankommenstreffpunkte"})
    void aBlockKommAnIIDoesNotHaveIsRejected(String block) {
        assertThatThrownBy(() -> Program.KOMM_AN_II.checkBlock(block))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + block + "' is not a block of KOMM_AN_II; allowed: A, B, C, D")
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo(block);
    }

    @ParameterizedTest
    @EnumSource(value = Program.class, names = "KOMM_AN_II", mode = EnumSource.Mode.EXCLUDE)
    void aBlockGivenToAProgramWithoutBlocksIsRejected(Program program) {
        assertThatThrownBy(() -> program.checkBlock("A"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("block 'A' given, but " + program.name() + " has no blocks; only KOMM_AN_II has blocks");
        assertThatThrownBy(() -> program.parseBlock("A")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyKommInIsHistorical() {
        assertThat(Program.KOMM_IN.historical()).isTrue();
        assertThat(Program.values()).filteredOn(Program::historical).containsExactly(Program.KOMM_IN);
    }

    @ParameterizedTest
    @EnumSource(Program.class)
    void everyProgramParsesFromItsCodeInAnyCaseAndHasALabel(Program program) {
        assertThat(Program.parse(program.name().toLowerCase(Locale.ROOT))).isEqualTo(program);
        assertThat(program.label()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KOMM-AN-II", "KOMM_AN_IV", "KOMM-AN NRW"})
    void parseRejectsSpellingsOtherThanTheCodeListingAllCodes(String code) {
        assertThatThrownBy(() -> Program.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + code + "' is not a program; allowed: KOMM_IN, KOMM_AN_I, KOMM_AN_II, KOMM_AN_III, KIM, "
                        + "GRIFFBEREIT, RUCKSACK_KITA, RUCKSACK_SCHULE, KI_GRUNDFOERDERUNG");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingProgram(String code) {
        assertThatThrownBy(() -> Program.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a program is required");
    }
}
