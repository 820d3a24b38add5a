package nrw.kinetz.sites.site.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.SiteStatus;

class LifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private final Lifecycle decided = Lifecycle.startingAt(SiteStatus.DECIDED, LocalDate.of(2011, 11, 8), TODAY);

    @Test
    void stepsFollowTheOrderDecidedFundedStartPhaseEstablished() {
        Lifecycle established = decided.moveTo(SiteStatus.FUNDED, LocalDate.of(2012, 3, 1), TODAY)
                .moveTo(SiteStatus.START_PHASE, LocalDate.of(2012, 4, 2), TODAY)
                .moveTo(SiteStatus.ESTABLISHED, LocalDate.of(2013, 1, 15), TODAY);

        assertThat(established.current()).isEqualTo(SiteStatus.ESTABLISHED);
        assertThat(established.currentSince()).isEqualTo(LocalDate.of(2013, 1, 15));
        assertThat(established.steps()).extracting(LifecycleStep::status).containsExactly(
                SiteStatus.DECIDED, SiteStatus.FUNDED, SiteStatus.START_PHASE, SiteStatus.ESTABLISHED);
    }

    @Test
    void skippingAStepIsAnIllegalTransitionNamingTheAllowedNextStates() {
        assertThatThrownBy(() -> decided.moveTo(SiteStatus.ESTABLISHED, TODAY, TODAY))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("ESTABLISHED cannot follow DECIDED; allowed next states: FUNDED, CLOSED")
                .satisfies(e -> assertThat(((IllegalTransition) e).allowedNext())
                        .containsExactlyInAnyOrder(SiteStatus.FUNDED, SiteStatus.CLOSED));
    }

    @Test
    void aSiteCanBeClosedFromAnyStepAndStaysClosed() {
        Lifecycle closed = decided.moveTo(SiteStatus.CLOSED, TODAY, TODAY);

        assertThat(closed.current()).isEqualTo(SiteStatus.CLOSED);
        assertThatThrownBy(() -> closed.moveTo(SiteStatus.DECIDED, TODAY, TODAY))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("allowed next states: none, CLOSED is final");
    }

    @Test
    void movingToTheCurrentStatusIsNotAMove() {
        assertThatThrownBy(() -> decided.moveTo(SiteStatus.DECIDED, TODAY, TODAY))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("the site already is DECIDED; allowed next states: FUNDED, CLOSED");
    }

    @Test
    void backDatingIsAllowedButNotBeforeThePreviousStep() {
        assertThat(decided.moveTo(SiteStatus.FUNDED, LocalDate.of(2011, 11, 8), TODAY).current()).isEqualTo(SiteStatus.FUNDED);

        assertThatThrownBy(() -> decided.moveTo(SiteStatus.FUNDED, LocalDate.of(2011, 11, 7), TODAY))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("lies before 2011-11-08")
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("effectiveOn");
    }

    @Test
    void futureDatesAreRefusedTodayIsFine() {
        assertThat(decided.moveTo(SiteStatus.FUNDED, TODAY, TODAY).currentSince()).isEqualTo(TODAY);

        assertThatThrownBy(() -> decided.moveTo(SiteStatus.FUNDED, TODAY.plusDays(1), TODAY))
                .isInstanceOf(SiteRuleViolation.class)
                .hasMessageContaining("lies in the future");
        assertThatThrownBy(() -> Lifecycle.startingAt(SiteStatus.DECIDED, TODAY.plusDays(1), TODAY))
                .isInstanceOf(SiteRuleViolation.class)
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("statusSince");
    }

    @Test
    void aSiteIsNotRegisteredAsClosed() {
        assertThatThrownBy(() -> Lifecycle.startingAt(SiteStatus.CLOSED, TODAY, TODAY))
                .isInstanceOf(SiteRuleViolation.class)
                .extracting(e -> ((SiteRuleViolation) e).path()).isEqualTo("status");
    }

    @Test
    void statusOnADayIsTheLastStepTakenByTheEndOfThatDay() {
        Lifecycle lifecycle = decided.moveTo(SiteStatus.FUNDED, LocalDate.of(2012, 3, 1), TODAY);

        assertThat(lifecycle.statusOn(LocalDate.of(2011, 11, 7))).isEmpty();
        assertThat(lifecycle.statusOn(LocalDate.of(2011, 11, 8))).contains(SiteStatus.DECIDED);
        assertThat(lifecycle.statusOn(LocalDate.of(2012, 2, 29))).contains(SiteStatus.DECIDED);
        assertThat(lifecycle.statusOn(LocalDate.of(2012, 3, 1))).contains(SiteStatus.FUNDED);
        assertThat(lifecycle.reached(SiteStatus.FUNDED)).contains(LocalDate.of(2012, 3, 1));
        assertThat(lifecycle.reached(SiteStatus.ESTABLISHED)).isEmpty();
    }
}
