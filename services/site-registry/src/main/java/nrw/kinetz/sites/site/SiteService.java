package nrw.kinetz.sites.site;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.sites.site.domain.Fact;
import nrw.kinetz.sites.site.domain.IllegalTransition;
import nrw.kinetz.sites.site.domain.Outcome;
import nrw.kinetz.sites.site.domain.Site;
import nrw.kinetz.sites.site.domain.SiteIdentity;
import nrw.kinetz.sites.site.domain.SiteRuleViolation;
import nrw.kinetz.sites.site.domain.StaffingPlan;
import nrw.kinetz.sites.site.domain.WorkFocus;

/**
 * The commands of the registry: load the site, check the caller's precondition, let the site decide, store the
 * new state with its events in one write and wake the relay. Who may call which command is the web layer's
 * business; what a command may change is the site's.
 */
class SiteService {

    static final String SERVICE_NAME = "site-registry";

    private final SiteStore store;
    private final PendingEventsSignal relay;
    private final Clock clock;

    SiteService(SiteStore store, PendingEventsSignal relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * @param status the step the site has reached, DECIDED if null
     * @param since  the day the site reached {@code status}; today if null
     * @throws ApplicationException 409 if the site exists already, 400 if a rule of the site is broken
     */
    StoredSite register(SiteId siteId, String name, TerritoryKind territoryKind, long population, SiteStatus status,
            LocalDate since) {
        Outcome outcome = decide(() -> Site.register(new SiteIdentity(siteId, name, territoryKind, population),
                status == null ? SiteStatus.DECIDED : status, since == null ? today() : since, today()));
        if (!store.insert(outcome.site(), announce(outcome, UUID::randomUUID))) {
            throw ApplicationException.of(Kind.CONFLICT, "site.registered-already", "Site " + siteId + " is registered already; "
                    + "change it with PUT /api/v1/sites/" + siteId + "/status, /staffing, /focus-areas or /contact", siteId);
        }
        relay.eventsPending();
        return new StoredSite(outcome.site(), 1);
    }

    /** @param effectiveOn the day the step took effect; today if null */
    StoredSite changeStatus(SiteId siteId, String ifMatch, SiteStatus next, LocalDate effectiveOn) {
        return change(siteId, ifMatch, site -> site.changeStatus(next, effectiveOn == null ? today() : effectiveOn, today()));
    }

    StoredSite changeStaffing(SiteId siteId, String ifMatch, List<StaffPost> posts) {
        return change(siteId, ifMatch, site -> site.changeStaffing(StaffingPlan.of(posts)));
    }

    StoredSite changeFocus(SiteId siteId, String ifMatch, Collection<FocusArea> focusAreas, Collection<Program> programs) {
        return change(siteId, ifMatch, site -> site.changeFocus(WorkFocus.of(focusAreas, programs)));
    }

    StoredSite changeContact(SiteId siteId, String ifMatch, Contact contact) {
        return change(siteId, ifMatch, site -> site.changeContact(contact));
    }

    /** @throws ApplicationException 404 for a site the registry does not know */
    StoredSite get(SiteId siteId) {
        return store.find(siteId).orElseThrow(() -> unknown(siteId));
    }

    static ApplicationException unknown(SiteId siteId) {
        return ApplicationException.of(Kind.NOT_FOUND, "site.unknown",
                "Site " + siteId + " is not registered; GET /api/v1/sites lists the sites.", siteId);
    }

    /** The outcome's facts as events of this service about its site, in order, with ids from {@code ids}. */
    List<EventEnvelope<?>> announce(Outcome outcome, Supplier<UUID> ids) {
        String subject = outcome.site().identity().siteId().value();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return outcome.facts().stream().<EventEnvelope<?>>map(fact -> envelope(fact, ids.get(), now, subject)).toList();
    }

    LocalDate today() {
        return NetworkTime.today(clock);
    }

    private StoredSite change(SiteId siteId, String ifMatch, Function<Site, Outcome> command) {
        StoredSite current = get(siteId);
        IfMatch.require(ifMatch, current);
        Outcome outcome = decide(() -> command.apply(current.site()));
        if (!outcome.changedSomething()) {
            return current;
        }
        if (!store.update(outcome.site(), current.version(), announce(outcome, UUID::randomUUID))) {
            // Someone changed the site between our read and our write: the caller's If-Match is stale now.
            StoredSite now = get(siteId);
            throw ApplicationException.of(Kind.PRECONDITION_FAILED, "site.changed-meanwhile",
                    "The site changed while your change was being applied; the current ETag is " + now.etag()
                            + ". Read the site again and reapply your change.", now.etag())
                    .withErrors(List.of(ProblemError.of("concurrent change"))).withCurrentVersion(now.etag());
        }
        relay.eventsPending();
        return new StoredSite(outcome.site(), current.version() + 1);
    }

    /** Turns the site's refusals into answers: a broken rule is bad input (400), a wrong step a conflict (409). */
    private static Outcome decide(Supplier<Outcome> decision) {
        try {
            return decision.get();
        } catch (SiteRuleViolation e) {
            throw ApplicationException.of(Kind.INVALID, "site.rule-broken", e.getMessage())
                    .withErrors(List.of(ProblemError.at("/" + e.path(), e.getMessage())));
        } catch (IllegalTransition e) {
            throw ApplicationException.of(Kind.CONFLICT, "site.step-not-allowed", e.getMessage())
                    .withErrors(List.of(ProblemError.at("/status", e.getMessage())));
        }
    }

    private static <T> EventEnvelope<T> envelope(Fact<T> fact, UUID id, OffsetDateTime time, String subject) {
        return new EventEnvelope<>(id, EventSource.service(SERVICE_NAME), fact.type(), time, subject, fact.payload());
    }
}
