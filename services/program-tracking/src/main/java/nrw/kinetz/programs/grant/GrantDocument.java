package nrw.kinetz.programs.grant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.programs.grant.domain.Decision;
import nrw.kinetz.programs.grant.domain.Disbursement;
import nrw.kinetz.programs.grant.domain.Grant;
import nrw.kinetz.programs.grant.domain.GrantStatus;
import nrw.kinetz.programs.grant.domain.ProofOfUse;
import nrw.kinetz.programs.grant.domain.ProofStatus;
import nrw.kinetz.programs.grant.domain.SubGrant;
import nrw.kinetz.programs.outbox.StoredEvent;

/**
 * One grant in MongoDB with every event it announced and the ids of those not yet published: one document, so
 * a change and its events are written atomically on any MongoDB. Money is whole cents (a 64-bit integer), never
 * a double; dates are ISO text, which sorts correctly. The sums and the status are copied to the top level so
 * that lists filter and sort on plain fields. {@code slot} is unique: one live grant per site, programme, block
 * and budget year; a rejected grant gives its slot up.
 */
@Document(MongoGrantStore.COLLECTION)
record GrantDocument(@Id String id, String slot, String siteId, String program, String block, int budgetYear,
        String status, long appliedCents, Long grantedCents, long disbursedCents, long passedOnCents, String proofStatus,
        String proofOfUseDue, Long repaymentCents, long version, List<DecisionDocument> decisions,
        List<DisbursementDocument> disbursements, List<SubGrantDocument> subGrants, ProofDocument proof,
        List<StoredEvent> events, List<String> pendingEventIds) {

    static final String SLOT = "slot";
    static final String VERSION = "version";

    record DecisionDocument(String kind, Long cents, String on, String reason) {
    }

    record DisbursementDocument(String id, long cents, String on) {
    }

    record SubGrantDocument(String id, String recipient, long cents, String purpose, String on) {
    }

    record ProofDocument(String status, String narrative, Long spentCents, Long unspentCents, String submittedOn,
            String decidedOn, String returnReason, Long repaymentCents) {
    }

    static String slot(Grant grant) {
        String slot = grant.siteId().value() + "/" + grant.program().name() + "/"
                + (grant.block() == null ? "NONE" : grant.block().name()) + "/" + grant.budgetYear();
        return grant.status() == GrantStatus.REJECTED ? slot + "/rejected/" + grant.id() : slot;
    }

    static GrantDocument of(Grant grant, long version, List<StoredEvent> events, List<String> pending) {
        return new GrantDocument(grant.id().toString(), slot(grant), grant.siteId().value(), grant.program().name(),
                grant.block() == null ? null : grant.block().name(), grant.budgetYear(), grant.status().name(),
                grant.applied().cents(), cents(grant.granted()), grant.disbursed().cents(), grant.passedOn().cents(),
                grant.proof().status().name(), text(grant.proofOfUseDue()), cents(grant.proof().repaymentClaim()), version,
                grant.decisions().stream().map(d -> new DecisionDocument(d.kind().name(), cents(d.amount()), d.on().toString(),
                        d.reason())).toList(),
                grant.disbursements().stream().map(d -> new DisbursementDocument(d.id().toString(), d.amount().cents(),
                        d.on().toString())).toList(),
                grant.subGrants().stream().map(s -> new SubGrantDocument(s.id().toString(), s.recipient(), s.amount().cents(),
                        s.purpose(), s.on().toString())).toList(),
                proof(grant.proof()), events, pending);
    }

    StoredGrant toStoredGrant() {
        ProofDocument p = proof;
        ProofOfUse proofOfUse = p == null ? null : new ProofOfUse(ProofStatus.valueOf(p.status()), p.narrative(),
                money(p.spentCents()), money(p.unspentCents()), date(p.submittedOn()), date(p.decidedOn()), p.returnReason(),
                money(p.repaymentCents()));
        Grant grant = new Grant(UUID.fromString(id), SiteId.of(siteId), Program.valueOf(program),
                block == null ? null : Program.Block.valueOf(block), budgetYear, GrantStatus.valueOf(status),
                Money.ofCents(appliedCents), date(proofOfUseDue),
                orEmpty(decisions).stream().map(d -> new Decision(Decision.Kind.valueOf(d.kind()), money(d.cents()),
                        LocalDate.parse(d.on()), d.reason())).toList(),
                orEmpty(disbursements).stream().map(d -> new Disbursement(UUID.fromString(d.id()), Money.ofCents(d.cents()),
                        LocalDate.parse(d.on()))).toList(),
                orEmpty(subGrants).stream().map(s -> new SubGrant(UUID.fromString(s.id()), s.recipient(),
                        Money.ofCents(s.cents()), s.purpose(), LocalDate.parse(s.on()))).toList(),
                proofOfUse);
        return new StoredGrant(grant, version);
    }

    static ProofDocument proof(ProofOfUse p) {
        return new ProofDocument(p.status().name(), p.narrative(), cents(p.spent()), cents(p.unspent()), text(p.submittedOn()),
                text(p.decidedOn()), p.returnReason(), cents(p.repaymentClaim()));
    }

    static Long cents(Money money) {
        return money == null ? null : money.cents();
    }

    private static Money money(Long cents) {
        return cents == null ? null : Money.ofCents(cents);
    }

    static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
