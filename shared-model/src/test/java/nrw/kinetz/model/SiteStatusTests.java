package nrw.kinetz.model;

import static nrw.kinetz.model.SiteStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SiteStatusTests {

    @ParameterizedTest
    @CsvSource({"DECIDED, FUNDED", "FUNDED, START_PHASE", "START_PHASE, ESTABLISHED"})
    void aSiteMovesForwardOneStepAtATime(SiteStatus from, SiteStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"DECIDED, START_PHASE", "DECIDED, ESTABLISHED", "FUNDED, ESTABLISHED"})
    void aSiteCannotSkipAStep(SiteStatus from, SiteStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"FUNDED, DECIDED", "START_PHASE, FUNDED", "ESTABLISHED, START_PHASE", "ESTABLISHED, DECIDED"})
    void aSiteCannotGoBack(SiteStatus from, SiteStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SiteStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void aSiteCanBeClosedFromEveryOpenStatus(SiteStatus from) {
        assertThat(from.canMoveTo(CLOSED)).isTrue();
        assertThat(from.allowedNext()).contains(CLOSED);
    }

    @ParameterizedTest
    @EnumSource(SiteStatus.class)
    void nothingLeavesClosed(SiteStatus to) {
        assertThat(CLOSED.canMoveTo(to)).isFalse();
    }

    @Test
    void closedHasNoNextStatus() {
        assertThat(CLOSED.allowedNext()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SiteStatus.class)
    void stayingInTheSameStatusIsNotAMove(SiteStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @Test
    void theAllowedNextStatusesAreExactlyTheLifecycle() {
        assertThat(DECIDED.allowedNext()).containsExactlyInAnyOrder(FUNDED, CLOSED);
        assertThat(FUNDED.allowedNext()).containsExactlyInAnyOrder(START_PHASE, CLOSED);
        assertThat(START_PHASE.allowedNext()).containsExactlyInAnyOrder(ESTABLISHED, CLOSED);
        assertThat(ESTABLISHED.allowedNext()).containsExactly(CLOSED);
    }

    @Test
    void theAllowedNextStatusesCannotBeChanged() {
        assertThatThrownBy(() -> DECIDED.allowedNext().add(ESTABLISHED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(DECIDED.canMoveTo(ESTABLISHED)).isFalse();
    }

    @Test
    void noStatusMovesToNull() {
        assertThat(DECIDED.canMoveTo(null)).isFalse();
    }

    @Test
    void labelsAreTheGermanTerms() {
        assertThat(SiteStatus.values()).extracting(SiteStatus::label)
                .containsExactly("Grundsatzentscheidung", "Zuwendungsbescheid", "Startphase", "etabliert", "geschlossen");
    }

    @ParameterizedTest
    @EnumSource(SiteStatus.class)
    void everyStatusParsesFromItsCodeInAnyCase(SiteStatus status) {
        assertThat(SiteStatus.parse(status.name().toLowerCase(Locale.ROOT))).isEqualTo(status);
    }

    @Test
    void parseRejectsAnUnknownStatusListingAllCodes() {
        assertThatThrownBy(() -> SiteStatus.parse("ACTIVE"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'ACTIVE' is not a site status; allowed: DECIDED, FUNDED, START_PHASE, ESTABLISHED, CLOSED");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseRejectsAMissingStatus(String code) {
        assertThatThrownBy(() -> SiteStatus.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a site status is required");
    }
}
