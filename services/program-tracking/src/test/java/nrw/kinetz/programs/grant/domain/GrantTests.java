package nrw.kinetz.programs.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.GrantAmended;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.RuleViolation;

class GrantTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void anAmendmentKeepsTheEarlierDecisionsAndAnnouncesTheAmountBefore() {
        Grant grant = approved("10000.00");

        Grant.Outcome amended = grant.amend(Money.parse("12000.00"), "Nachbewilligung", TODAY, TODAY);

        assertThat(amended.grant().granted()).isEqualTo(Money.parse("12000.00"));
        assertThat(amended.grant().decisions()).extracting(Decision::kind)
                .containsExactly(Decision.Kind.APPLIED, Decision.Kind.APPROVED, Decision.Kind.AMENDED);
        GrantAmended fact = (GrantAmended) amended.facts().get(0).payload();
        assertThat(fact.previousAmountGranted()).isEqualTo(Money.parse("10000.00"));
    }

    @Test
    void aGrantIsNeverReducedBelowWhatWasDrawn() {
        Grant drawn = approved("10000.00").disburse(UUID.randomUUID(), Money.parse("6000.00"), TODAY, TODAY).grant();

        assertThatThrownBy(() -> drawn.amend(Money.parse("5999.99"), "Kürzung", TODAY, TODAY)).isInstanceOf(Conflict.class);
    }

    @Test
    void theUnspentMoneyBecomesTheRepaymentClaim() {
        Grant drawn = approved("10000.00").disburse(UUID.randomUUID(), Money.parse("8000.00"), TODAY, TODAY).grant();
        Grant submitted = drawn.submitProof("Bericht", Money.parse("7250.25"), Money.parse("749.75"), TODAY).grant();

        Grant.Outcome accepted = submitted.acceptProof(TODAY);

        assertThat(accepted.grant().proof().repaymentClaim()).isEqualTo(Money.parse("749.75"));
        assertThat(accepted.facts().get(0).type()).isEqualTo(ProgramEventTypes.PROOF_OF_USE_ACCEPTED);
        assertThatThrownBy(() -> accepted.grant().disburse(UUID.randomUUID(), Money.parse("1.00"), TODAY, TODAY))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void theProofOfUseIsDueSixMonthsAfterTheBudgetYearAndOverdueAfterwards() {
        Grant grant = approved("10000.00");

        assertThat(grant.proofOfUseDue()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(grant.proofOverdue(LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(grant.proofOverdue(LocalDate.of(2026, 7, 1))).isTrue();
    }

    @Test
    void aDecisionInTheFutureOrBeforeTheApplicationIsRefused() {
        Grant applied = Grant.apply(UUID.randomUUID(), SiteId.of("05974"), Program.KIM, null, 2025, Money.parse("1.00"),
                LocalDate.of(2025, 1, 10), TODAY).grant();

        assertThatThrownBy(() -> applied.approve(Money.parse("1.00"), TODAY.plusDays(1), 6, TODAY))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> applied.approve(Money.parse("1.00"), LocalDate.of(2025, 1, 9), 6, TODAY))
                .isInstanceOf(RuleViolation.class);
    }

    private static Grant approved(String amount) {
        Grant applied = Grant.apply(UUID.randomUUID(), SiteId.of("05974"), Program.KOMM_AN_II, "A", 2025, Money.parse(amount),
                LocalDate.of(2025, 1, 10), TODAY).grant();
        return applied.approve(Money.parse(amount), LocalDate.of(2025, 2, 1), 6, TODAY).grant();
    }
}
