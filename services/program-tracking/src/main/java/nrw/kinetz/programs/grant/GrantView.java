package nrw.kinetz.programs.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.programs.grant.domain.Decision;
import nrw.kinetz.programs.grant.domain.Disbursement;
import nrw.kinetz.programs.grant.domain.Grant;
import nrw.kinetz.programs.grant.domain.GrantStatus;
import nrw.kinetz.programs.grant.domain.ProofOfUse;
import nrw.kinetz.programs.grant.domain.SubGrant;

/**
 * A grant as the API shows it. Money is not suppressed for anyone: it is public spending, not a count of people.
 *
 * @param amountGranted  null until approved; the latest amendment's amount after one
 * @param available      what can still be drawn (granted − drawn), null until approved
 * @param decisions      the history: application, approval or rejection, every amendment, oldest first
 * @param proofOfUseDue  when the Verwendungsnachweis is due, null until approved
 * @param proofOverdue   the proof of use is due and neither submitted nor accepted
 * @param version        the version the {@code ETag} names; send it in {@code If-Match} with a decision
 */
record GrantView(UUID grantId, SiteId siteId, Program program, Program.Block block, int budgetYear, GrantStatus status,
        Money amountApplied, Money amountGranted, Money disbursed, Money available, Money passedOn,
        LocalDate proofOfUseDue, boolean proofOverdue, ProofOfUse proofOfUse, List<Decision> decisions,
        List<Disbursement> disbursements, List<SubGrant> subGrants, long version) {

    static GrantView of(StoredGrant stored, LocalDate today) {
        Grant grant = stored.grant();
        Money granted = grant.granted();
        return new GrantView(grant.id(), grant.siteId(), grant.program(), grant.block(), grant.budgetYear(), grant.status(),
                grant.applied(), granted, grant.disbursed(), granted == null ? null : granted.minus(grant.disbursed()),
                grant.passedOn(), grant.proofOfUseDue(), grant.proofOverdue(today), grant.proof(), grant.decisions(),
                grant.disbursements(), grant.subGrants(), stored.version());
    }
}
