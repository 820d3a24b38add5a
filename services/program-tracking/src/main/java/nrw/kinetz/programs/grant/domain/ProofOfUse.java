package nrw.kinetz.programs.grant.domain;

import java.time.LocalDate;

import nrw.kinetz.model.Money;

/**
 * The Verwendungsnachweis of a grant: the KI's narrative and financial totals, and the LaKI's answer.
 *
 * @param status         where it stands
 * @param narrative      the KI's report, null while open
 * @param spent          money spent, null while open
 * @param unspent        money drawn but not spent, null while open
 * @param submittedOn    the last submission, null while open
 * @param decidedOn      the LaKI's last answer, null before it
 * @param returnReason   why it was last returned, null unless returned
 * @param repaymentClaim what the KI has to pay back, set on acceptance (the unspent money)
 */
public record ProofOfUse(ProofStatus status, String narrative, Money spent, Money unspent, LocalDate submittedOn,
        LocalDate decidedOn, String returnReason, Money repaymentClaim) {

    static final ProofOfUse OPEN = new ProofOfUse(ProofStatus.OPEN, null, null, null, null, null, null, null);
}
