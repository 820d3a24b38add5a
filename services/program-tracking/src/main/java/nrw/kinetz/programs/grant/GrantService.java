package nrw.kinetz.programs.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.programs.grant.domain.Grant;
import nrw.kinetz.programs.grant.domain.Grant.Outcome;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.web.IfMatch;
import nrw.kinetz.programs.web.Refusals;

/**
 * The commands on grants: load, check who calls and the caller's precondition, let the grant decide, store the
 * new state with its events in one compare-and-set write and wake the relay.
 */
@Service
class GrantService {

    /** Attempts of a disbursement or sub-grant that lost the race to another change of the same grant. */
    private static final int MAX_ATTEMPTS = 1000;

    private final GrantStore store;
    private final PendingEventsSignal relay;
    private final Announcer announcer;
    private final ProofOfUseDeadlines deadlines;
    private final Clock clock;

    GrantService(GrantStore store, PendingEventsSignal relay, Announcer announcer, ProofOfUseDeadlines deadlines, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.announcer = announcer;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** @throws ApplicationException 409 if the site has a live grant for this programme, block and year already */
    StoredGrant apply(Caller caller, SiteId siteId, Program program, String block, int budgetYear, Money amount,
            LocalDate appliedOn) {
        caller.requireMayActFor(siteId);
        if (KiSites.find(siteId).isEmpty()) {
            throw ApplicationException.of(Kind.INVALID, "grant.site-unknown",
                    "There is no KI site " + siteId + "; a grant is for one of the 54 KI sites.", siteId)
                    .withErrors(List.of(ProblemError.at("/siteId", "unknown KI site " + siteId)));
        }
        LocalDate today = today();
        Outcome outcome = Refusals.decide("grant", () -> Grant.apply(UUID.randomUUID(), siteId, program, block, budgetYear, amount,
                appliedOn == null ? today : appliedOn, today));
        if (!store.insert(outcome.grant(), announce(outcome))) {
            Grant grant = outcome.grant();
            throw ApplicationException.of(Kind.CONFLICT, "grant.exists-already", "Site " + siteId + " has a grant for " + program.name()
                    + (grant.block() == null ? "" : " block " + grant.block().name()) + " in " + budgetYear
                    + " already; GET /api/v1/grants?site=" + siteId + "&year=" + budgetYear + " shows it.", siteId, program,
                    budgetYear);
        }
        relay.eventsPending();
        return new StoredGrant(outcome.grant(), 1);
    }

    StoredGrant approve(UUID grantId, String ifMatch, Money amount, LocalDate decidedOn) {
        return decide(grantId, ifMatch, grant -> grant.approve(amount, orToday(decidedOn),
                deadlines.months(grant.program()), today()));
    }

    StoredGrant reject(UUID grantId, String ifMatch, String reason, LocalDate decidedOn) {
        return decide(grantId, ifMatch, grant -> grant.reject(reason, orToday(decidedOn), today()));
    }

    StoredGrant amend(UUID grantId, String ifMatch, Money amount, String reason, LocalDate decidedOn) {
        return decide(grantId, ifMatch, grant -> grant.amend(amount, reason, orToday(decidedOn), today()));
    }

    StoredGrant submitProof(Caller caller, UUID grantId, String ifMatch, String narrative, Money spent, Money unspent) {
        requireMayActFor(caller, grantId);
        return decide(grantId, ifMatch, grant -> grant.submitProof(narrative, spent, unspent, today()));
    }

    StoredGrant acceptProof(UUID grantId, String ifMatch) {
        return decide(grantId, ifMatch, grant -> grant.acceptProof(today()));
    }

    StoredGrant returnProof(UUID grantId, String ifMatch, String reason) {
        return decide(grantId, ifMatch, grant -> grant.returnProof(reason, today()));
    }

    /**
     * A Mittelabruf. Needs no {@code If-Match}: many may draw at once, and each succeeds exactly when it still
     * fits, because the check and the write are one compare-and-set on the grant; a request that lost the race
     * decides again on the new state.
     */
    StoredGrant disburse(Caller caller, UUID grantId, Money amount, LocalDate on) {
        UUID disbursementId = UUID.randomUUID();
        return racing(caller, grantId, grant -> grant.disburse(disbursementId, amount, orToday(on), today()));
    }

    StoredGrant passOn(Caller caller, UUID grantId, String recipient, Money amount, String purpose, LocalDate on) {
        UUID subGrantId = UUID.randomUUID();
        return racing(caller, grantId, grant -> grant.passOn(subGrantId, recipient, amount, purpose, orToday(on), today()));
    }

    StoredGrant get(UUID grantId) {
        return store.find(grantId).orElseThrow(() -> ApplicationException.of(Kind.NOT_FOUND, "grant.unknown",
                "There is no grant " + grantId + "; GET /api/v1/grants lists them.", grantId));
    }

    LocalDate today() {
        return NetworkTime.today(clock);
    }

    private void requireMayActFor(Caller caller, UUID grantId) {
        caller.requireMayActFor(get(grantId).grant().siteId());
    }

    private StoredGrant decide(UUID grantId, String ifMatch, Function<Grant, Outcome> command) {
        StoredGrant current = get(grantId);
        IfMatch.require(ifMatch, current.version(), "grant " + grantId + " (GET /api/v1/grants/" + grantId + ")");
        Outcome outcome = Refusals.decide("grant", () -> command.apply(current.grant()));
        if (!store.update(outcome.grant(), current.version(), announce(outcome))) {
            throw IfMatch.stale("grant " + grantId, get(grantId).etag());
        }
        relay.eventsPending();
        return new StoredGrant(outcome.grant(), current.version() + 1);
    }

    private StoredGrant racing(Caller caller, UUID grantId, Function<Grant, Outcome> command) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredGrant current = get(grantId);
            caller.requireMayActFor(current.grant().siteId());
            Outcome outcome = Refusals.decide("grant", () -> command.apply(current.grant()));
            if (store.update(outcome.grant(), current.version(), announce(outcome))) {
                relay.eventsPending();
                return new StoredGrant(outcome.grant(), current.version() + 1);
            }
        }
        throw ApplicationException.of(Kind.UNAVAILABLE, "grant.contended",
                "Grant " + grantId + " is changed by too many requests at once; try again.", grantId)
                .withRetryAfter(Duration.ofSeconds(1));
    }

    private List<EventEnvelope<?>> announce(Outcome outcome) {
        return announcer.announce(outcome.grant().siteId(), outcome.facts());
    }

    private LocalDate orToday(LocalDate day) {
        return day == null ? today() : day;
    }
}
