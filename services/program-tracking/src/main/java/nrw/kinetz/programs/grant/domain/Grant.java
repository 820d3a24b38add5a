package nrw.kinetz.programs.grant.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.GrantAmended;
import nrw.kinetz.model.program.GrantApplied;
import nrw.kinetz.model.program.GrantApproved;
import nrw.kinetz.model.program.GrantRejected;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.model.program.ProofOfUseAccepted;
import nrw.kinetz.model.program.ProofOfUseReturned;
import nrw.kinetz.model.program.ProofOfUseSubmitted;
import nrw.kinetz.model.program.SubGrantPassedOn;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.Fact;
import nrw.kinetz.programs.domain.RuleViolation;

/**
 * One grant (Zuwendung): a site's money under one programme (and block) for one budget year, from the
 * application to the accepted proof of use. Its rules: the sum drawn never exceeds the amount granted, the sum
 * passed on never exceeds the sum drawn, an amendment never goes below what was drawn, and what was drawn but
 * not spent becomes a repayment claim.
 *
 * <p>Immutable: every command answers with the new grant and the facts that announce the change.
 */
public record Grant(UUID id, SiteId siteId, Program program, Program.Block block, int budgetYear, GrantStatus status,
        Money applied, LocalDate proofOfUseDue, List<Decision> decisions, List<Disbursement> disbursements,
        List<SubGrant> subGrants, ProofOfUse proof) {

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(applied, "applied");
        decisions = List.copyOf(decisions);
        disbursements = List.copyOf(disbursements);
        subGrants = List.copyOf(subGrants);
        proof = proof == null ? ProofOfUse.OPEN : proof;
    }

    /** The result of a command: the grant as it is now and the facts that announce the change, in order. */
    public record Outcome(Grant grant, List<Fact<?>> facts) {

        public Outcome {
            facts = List.copyOf(facts);
        }
    }

    /**
     * A KI applies for a grant.
     *
     * @param block the block code as sent, null or blank for none
     * @throws RuleViolation for a block the programme does not have, a budget year outside the programme, an
     *                       amount of zero or a date in the future
     */
    public static Outcome apply(UUID id, SiteId siteId, Program program, String block, int budgetYear, Money amount,
            LocalDate appliedOn, LocalDate today) {
        Program.Block parsedBlock;
        try {
            parsedBlock = program.parseBlock(block).orElse(null);
        } catch (InvalidValueException e) {
            throw new RuleViolation("block", e.getMessage());
        }
        try {
            ProgramCatalogue.terms(program).checkBudgetYear(budgetYear, today.getYear());
        } catch (InvalidValueException e) {
            throw new RuleViolation("budgetYear", e.getMessage());
        }
        requirePositive("amountApplied", amount);
        notInTheFuture("appliedOn", appliedOn, today);
        Grant grant = new Grant(id, siteId, program, parsedBlock, budgetYear, GrantStatus.APPLIED, amount, null,
                List.of(new Decision(Decision.Kind.APPLIED, amount, appliedOn, null)), List.of(), List.of(), null);
        return new Outcome(grant, List.of(new Fact<>(ProgramEventTypes.GRANT_APPLIED,
                new GrantApplied(id, siteId, program, parsedBlock, budgetYear, amount, appliedOn))));
    }

    /** The amount granted now (after amendments); null before the approval. */
    public Money granted() {
        Money granted = null;
        for (Decision decision : decisions) {
            if (decision.kind() == Decision.Kind.APPROVED || decision.kind() == Decision.Kind.AMENDED) {
                granted = decision.amount();
            }
        }
        return granted;
    }

    public Money disbursed() {
        return disbursements.stream().map(Disbursement::amount).reduce(Money.ZERO, Money::plus);
    }

    public Money passedOn() {
        return subGrants.stream().map(SubGrant::amount).reduce(Money.ZERO, Money::plus);
    }

    public LocalDate appliedOn() {
        return decisions.get(0).on();
    }

    /**
     * The LaKI approves with the amount granted (Zuwendungsbescheid); the proof of use falls due
     * {@code proofDueMonths} after the budget year.
     */
    public Outcome approve(Money amount, LocalDate decidedOn, int proofDueMonths, LocalDate today) {
        requireStatus(GrantStatus.APPLIED, "approved");
        requirePositive("amountGranted", amount);
        decisionDate("decidedOn", decidedOn, today);
        LocalDate due = LocalDate.of(budgetYear, 12, 31).plusMonths(proofDueMonths);
        Grant approved = with(GrantStatus.APPROVED, due, decided(Decision.Kind.APPROVED, amount, decidedOn, null));
        return new Outcome(approved, List.of(new Fact<>(ProgramEventTypes.GRANT_APPROVED,
                new GrantApproved(id, siteId, program, block, budgetYear, amount, decidedOn, due))));
    }

    public Outcome reject(String reason, LocalDate decidedOn, LocalDate today) {
        requireStatus(GrantStatus.APPLIED, "rejected");
        decisionDate("decidedOn", decidedOn, today);
        Grant rejected = with(GrantStatus.REJECTED, null, decided(Decision.Kind.REJECTED, null, decidedOn, reason));
        return new Outcome(rejected, List.of(new Fact<>(ProgramEventTypes.GRANT_REJECTED,
                new GrantRejected(id, siteId, program, block, budgetYear, decidedOn, reason))));
    }

    /** An Änderungsbescheid: a new amount granted; the earlier decisions stay in the history. */
    public Outcome amend(Money amount, String reason, LocalDate decidedOn, LocalDate today) {
        requireStatus(GrantStatus.APPROVED, "amended");
        requirePositive("amountGranted", amount);
        decisionDate("decidedOn", decidedOn, today);
        Money before = granted();
        if (amount.equals(before)) {
            throw new RuleViolation("amountGranted", amount + " is the amount granted already; an amendment changes it");
        }
        if (disbursed().exceeds(amount)) {
            throw new Conflict("The grant cannot be reduced to " + amount + ": " + disbursed() + " has been drawn already.");
        }
        if (proof.status() == ProofStatus.ACCEPTED) {
            throw new Conflict("The proof of use of this grant is accepted; the grant is closed.");
        }
        Grant amended = with(status, proofOfUseDue, decided(Decision.Kind.AMENDED, amount, decidedOn, reason));
        return new Outcome(amended, List.of(new Fact<>(ProgramEventTypes.GRANT_AMENDED,
                new GrantAmended(id, siteId, program, block, budgetYear, amount, before, decidedOn, reason))));
    }

    /**
     * A Mittelabruf.
     *
     * @throws Conflict if the grant is not approved, closed, or the sum drawn would exceed the amount granted
     */
    public Outcome disburse(UUID disbursementId, Money amount, LocalDate on, LocalDate today) {
        requireStatus(GrantStatus.APPROVED, "drawn from");
        requirePositive("amount", amount);
        notInTheFuture("disbursedOn", on, today);
        requireOpenYear();
        Money total = disbursed().plus(amount);
        if (total.exceeds(granted())) {
            throw new Conflict("Drawing " + amount + " would bring the sum drawn to " + total + ", more than the "
                    + granted() + " granted; at most " + granted().minus(disbursed()) + " can still be drawn.");
        }
        List<Disbursement> more = new ArrayList<>(disbursements);
        more.add(new Disbursement(disbursementId, amount, on));
        Grant drawn = new Grant(id, siteId, program, block, budgetYear, status, applied, proofOfUseDue, decisions, more,
                subGrants, proof);
        return new Outcome(drawn, List.of(new Fact<>(ProgramEventTypes.FUNDS_DISBURSED,
                new FundsDisbursed(id, siteId, program, block, budgetYear, disbursementId, amount, on, total))));
    }

    /**
     * A Weiterleitung of KOMM-AN II money to a local organisation.
     *
     * @throws RuleViolation for another programme
     * @throws Conflict      if the sum passed on would exceed the sum drawn
     */
    public Outcome passOn(UUID subGrantId, String recipient, Money amount, String purpose, LocalDate on, LocalDate today) {
        if (program != Program.KOMM_AN_II) {
            throw new RuleViolation("", "Only KOMM_AN_II money is passed on to local organisations; this grant is "
                    + program.name() + ".");
        }
        requireStatus(GrantStatus.APPROVED, "passed on");
        requirePositive("amount", amount);
        notInTheFuture("grantedOn", on, today);
        requireOpenYear();
        Money total = passedOn().plus(amount);
        if (total.exceeds(disbursed())) {
            throw new Conflict("Passing on " + amount + " would bring the sum passed on to " + total + ", more than the "
                    + disbursed() + " drawn; draw the money first (POST …/disbursements).");
        }
        List<SubGrant> more = new ArrayList<>(subGrants);
        more.add(new SubGrant(subGrantId, recipient, amount, purpose, on));
        Grant passed = new Grant(id, siteId, program, block, budgetYear, status, applied, proofOfUseDue, decisions,
                disbursements, more, proof);
        return new Outcome(passed, List.of(new Fact<>(ProgramEventTypes.SUB_GRANT_PASSED_ON,
                new SubGrantPassedOn(id, siteId, program, block, budgetYear, subGrantId, recipient, amount, purpose, on, total))));
    }

    /**
     * The KI submits its Verwendungsnachweis; spent and unspent together are what it drew.
     *
     * @throws RuleViolation if the totals do not add up to the sum drawn
     */
    public Outcome submitProof(String narrative, Money spent, Money unspent, LocalDate today) {
        requireStatus(GrantStatus.APPROVED, "accounted for");
        if (proof.status() == ProofStatus.SUBMITTED || proof.status() == ProofStatus.ACCEPTED) {
            throw new Conflict("The proof of use is " + proof.status().name().toLowerCase() + " already.");
        }
        if (!spent.plus(unspent).equals(disbursed())) {
            throw new RuleViolation("spent", "spent " + spent + " and unspent " + unspent + " make " + spent.plus(unspent)
                    + ", but " + disbursed() + " was drawn; together they must be exactly what was drawn");
        }
        ProofOfUse submitted = new ProofOfUse(ProofStatus.SUBMITTED, narrative, spent, unspent, today, proof.decidedOn(),
                null, null);
        return new Outcome(withProof(submitted), List.of(new Fact<>(ProgramEventTypes.PROOF_OF_USE_SUBMITTED,
                new ProofOfUseSubmitted(id, siteId, program, block, budgetYear, spent, unspent, today))));
    }

    /** The LaKI accepts the proof of use; the unspent money becomes a repayment claim. */
    public Outcome acceptProof(LocalDate today) {
        requireSubmittedProof();
        ProofOfUse accepted = new ProofOfUse(ProofStatus.ACCEPTED, proof.narrative(), proof.spent(), proof.unspent(),
                proof.submittedOn(), today, null, proof.unspent());
        return new Outcome(withProof(accepted), List.of(new Fact<>(ProgramEventTypes.PROOF_OF_USE_ACCEPTED,
                new ProofOfUseAccepted(id, siteId, program, block, budgetYear, proof.spent(), proof.unspent(), today))));
    }

    public Outcome returnProof(String reason, LocalDate today) {
        requireSubmittedProof();
        ProofOfUse returned = new ProofOfUse(ProofStatus.RETURNED, proof.narrative(), proof.spent(), proof.unspent(),
                proof.submittedOn(), today, reason, null);
        return new Outcome(withProof(returned), List.of(new Fact<>(ProgramEventTypes.PROOF_OF_USE_RETURNED,
                new ProofOfUseReturned(id, siteId, program, block, budgetYear, today, reason))));
    }

    /** An approved grant whose proof of use is due before {@code today} and not in the LaKI's hands. */
    public boolean proofOverdue(LocalDate today) {
        return status == GrantStatus.APPROVED && proofOfUseDue != null && proofOfUseDue.isBefore(today)
                && (proof.status() == ProofStatus.OPEN || proof.status() == ProofStatus.RETURNED);
    }

    private Grant with(GrantStatus newStatus, LocalDate due, List<Decision> newDecisions) {
        return new Grant(id, siteId, program, block, budgetYear, newStatus, applied, due, newDecisions, disbursements,
                subGrants, proof);
    }

    private Grant withProof(ProofOfUse newProof) {
        return new Grant(id, siteId, program, block, budgetYear, status, applied, proofOfUseDue, decisions, disbursements,
                subGrants, newProof);
    }

    private List<Decision> decided(Decision.Kind kind, Money amount, LocalDate on, String reason) {
        List<Decision> more = new ArrayList<>(decisions);
        more.add(new Decision(kind, amount, on, reason));
        return more;
    }

    private void requireStatus(GrantStatus required, String action) {
        if (status != required) {
            throw new Conflict("The grant is " + status.name() + "; only a grant that is " + required.name()
                    + " can be " + action + ".");
        }
    }

    private void requireSubmittedProof() {
        if (proof.status() != ProofStatus.SUBMITTED) {
            throw new Conflict("The proof of use is " + proof.status().name() + "; only a SUBMITTED proof of use can be"
                    + " accepted or returned.");
        }
    }

    private void requireOpenYear() {
        if (proof.status() == ProofStatus.SUBMITTED || proof.status() == ProofStatus.ACCEPTED) {
            throw new Conflict("The proof of use of this grant is " + proof.status().name() + "; its money is accounted for.");
        }
    }

    private void decisionDate(String path, LocalDate on, LocalDate today) {
        notInTheFuture(path, on, today);
        if (on.isBefore(appliedOn())) {
            throw new RuleViolation(path, on + " lies before the application of " + appliedOn());
        }
    }

    private static void requirePositive(String path, Money amount) {
        if (amount.isZero()) {
            throw new RuleViolation(path, "must be more than 0.00");
        }
    }

    private static void notInTheFuture(String path, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new RuleViolation(path, day + " lies in the future; must be today (" + today + ") or earlier");
        }
    }
}
