package nrw.kinetz.catalog.offering;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import nrw.kinetz.catalog.offering.domain.IllegalTransition;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.offering.domain.OfferingRuleViolation;
import nrw.kinetz.catalog.offering.domain.Seats;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingCancelled;
import nrw.kinetz.model.catalog.OfferingChanged;
import nrw.kinetz.model.catalog.OfferingCompleted;
import nrw.kinetz.model.catalog.OfferingPublished;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.RegistrationPromoted;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.event.EventType;

/**
 * The organisers' commands: load the offering, check the caller and {@code If-Match}, let the offering decide,
 * store the new state with its events in one write and wake the relay.
 */
@Service
public class OfferingService {

    public static final String SERVICE_NAME = "event-catalog";

    private final OfferingStore store;
    private final CatalogEventRelay relay;
    private final Clock clock;

    OfferingService(OfferingStore store, CatalogEventRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    /** A new draft; the caller must be the LaKI or the organising site's KI. */
    StoredOffering create(Caller caller, Supplier<Offering> draft) {
        Offering offering = decide(draft);
        requireOrganiser(offering, caller);
        if (!store.insert(offering, now().toInstant(), List.of())) {
            throw ApplicationException.of(Kind.CONFLICT, "offering.exists-already", "Offering " + offering.id() + " exists already.",
                    offering.id());
        }
        return store.find(offering.id()).orElseThrow();
    }

    /**
     * New details; a published offering announces them. A larger capacity promotes from the waiting list in the
     * same write; the promoted people's registrations catch up (and mail them) on the registration outbox's next pass.
     */
    StoredOffering change(String offeringId, Caller caller, String ifMatch, UnaryOperator<Offering> details) {
        return apply(offeringId, caller, ifMatch, current -> decide(() -> details.apply(current.offering())));
    }

    StoredOffering publish(String offeringId, Caller caller, String ifMatch) {
        return apply(offeringId, caller, ifMatch, current -> decide(() -> current.offering().publish()));
    }

    StoredOffering cancel(String offeringId, Caller caller, String ifMatch) {
        return apply(offeringId, caller, ifMatch, current -> decide(() -> current.offering().cancel()));
    }

    StoredOffering complete(String offeringId, Caller caller, String ifMatch) {
        return apply(offeringId, caller, ifMatch, current -> decide(() -> current.offering().complete()));
    }

    /** Stores a sample offering published right away, with its event; false if it exists already. */
    boolean seed(Offering draft) {
        Offering published = draft.publish();
        boolean stored = store.insert(published, now().toInstant(), announce(draft, published));
        relay.wakeUp();
        return stored;
    }

    /** @throws ApplicationException 404 for an offering the catalog does not know */
    public StoredOffering get(String offeringId) {
        return store.find(offeringId).orElseThrow(() -> unknown(offeringId));
    }

    /** The offering if the caller may see it: drafts only to their organiser, as if they did not exist. */
    public StoredOffering visibleTo(String offeringId, Caller caller) {
        StoredOffering offering = get(offeringId);
        if (offering.offering().status() == OfferingStatus.DRAFT && !mayOrganise(offering.offering(), caller)) {
            throw unknown(offeringId);
        }
        return offering;
    }

    public static ApplicationException unknown(String offeringId) {
        return ApplicationException.of(Kind.NOT_FOUND, "offering.unknown",
                "There is no offering " + offeringId + "; GET /api/v1/offerings lists them.", offeringId);
    }

    /** The LaKI organises every offering; a KI those of its own site. */
    public static boolean mayOrganise(Offering offering, Caller caller) {
        return caller.hasRole(Role.LAKI) || offering.organiserSite().filter(caller::mayActFor).isPresent();
    }

    /**
     * @throws ApiProblemException 401 for anonymous callers (the application problems have no kind for a missing
     *         token)
     * @throws ApplicationException 403 for callers who do not organise the offering */
    public static void requireOrganiser(Offering offering, Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "This needs the token of the LaKI or of the organising KI.",
                    List.of(ProblemError.of("no token")));
        }
        if (!mayOrganise(offering, caller)) {
            String organiser = offering.organiserSite().map(site -> "site " + site.value()).orElse("the LaKI");
            throw ApplicationException.of(Kind.FORBIDDEN, "offering.not-organiser", "Offering " + offering.id()
                    + " is organised by " + organiser + "; only its organiser or the LaKI may manage it.", offering.id(), organiser)
                    .withErrors(List.of(ProblemError.of("not the organiser")));
        }
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** An event of this service about an offering, with a fresh id. */
    public <T> EventEnvelope<T> event(EventType<T> type, String offeringId, T payload) {
        OffsetDateTime time = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return new EventEnvelope<>(UUID.randomUUID(), EventSource.service(SERVICE_NAME), type, time, offeringId, payload);
    }

    /** Wakes the relay after something stored events outside this class. */
    public void eventsStored() {
        relay.wakeUp();
    }

    private StoredOffering apply(String offeringId, Caller caller, String ifMatch, Function<StoredOffering, Offering> command) {
        StoredOffering current = get(offeringId);
        requireOrganiser(current.offering(), caller);
        requireIfMatch(ifMatch, current);
        Offering next = command.apply(current);
        Seats.Change seats = decide(() -> current.seats().resize(next.capacity()));
        List<EventEnvelope<?>> events = new ArrayList<>(announce(current.offering(), next));
        Optional<SiteId> site = next.organiserSite();
        seats.promoted().forEach(promoted -> events.add(event(CatalogEventTypes.REGISTRATION_PROMOTED, offeringId,
                new RegistrationPromoted(promoted, offeringId, site.orElse(null), RegistrationStatus.CONFIRMED))));
        if (next.equals(current.offering())) {
            return current;
        }
        Instant changedAt = now().toInstant();
        if (!store.update(next, current.version(), current.seatVersion(), seats.seats(), changedAt, events)) {
            StoredOffering now = get(offeringId);
            throw ApplicationException.of(Kind.PRECONDITION_FAILED, "offering.changed-meanwhile",
                    "The offering changed while your change was being applied; the current ETag is " + now.etag()
                            + ". Read it again and reapply your change.", now.etag())
                    .withErrors(List.of(ProblemError.of("concurrent change"))).withCurrentVersion(now.etag());
        }
        relay.wakeUp();
        return get(offeringId);
    }

    /** What a change of {@code before} into {@code after} announces: nothing while a draft. */
    private List<EventEnvelope<?>> announce(Offering before, Offering after) {
        String id = after.id();
        if (after.status() == OfferingStatus.DRAFT || before.equals(after)) {
            return List.of();
        }
        if (before.status() == OfferingStatus.DRAFT && after.status() == OfferingStatus.PUBLISHED) {
            return List.of(event(CatalogEventTypes.OFFERING_PUBLISHED, id, new OfferingPublished(after.details())));
        }
        if (before.status() == OfferingStatus.DRAFT) {
            return List.of(); // a draft discarded was never announced
        }
        return switch (after.status()) {
            case CANCELLED -> List.of(event(CatalogEventTypes.OFFERING_CANCELLED, id,
                    new OfferingCancelled(id, after.organiserSite().orElse(null))));
            case COMPLETED -> List.of(event(CatalogEventTypes.OFFERING_COMPLETED, id,
                    new OfferingCompleted(id, after.organiserSite().orElse(null))));
            default -> List.of(event(CatalogEventTypes.OFFERING_CHANGED, id, new OfferingChanged(after.details())));
        };
    }

    /**
     * A change must name the version it was made against: without {@code If-Match} 428, against an older
     * version 412 with the current {@code ETag}.
     */
    private static void requireIfMatch(String header, StoredOffering current) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            throw ApplicationException.of(Kind.PRECONDITION_REQUIRED, "offering.if-match-missing",
                    "A change needs an If-Match header with the ETag of the offering as you read it (GET /api/v1/offerings/"
                            + current.offering().id() + "), so that it cannot overwrite a change you have not seen.",
                    current.offering().id()).withErrors(List.of(ProblemError.of("If-Match header missing")));
        }
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals(current.etag()) || candidate.equals(Long.toString(current.version()))) {
                return;
            }
        }
        throw ApplicationException.of(Kind.PRECONDITION_FAILED, "offering.stale-if-match",
                "The offering has changed since you read it: If-Match was " + header.strip() + ", the current ETag is "
                        + current.etag() + ". Read it again and reapply your change.", header.strip(), current.etag())
                .withErrors(List.of(ProblemError.of("stale If-Match " + header.strip()))).withCurrentVersion(current.etag());
    }

    /** A broken rule is bad input (400), a command that does not fit the status or the seats a conflict (409). */
    static <T> T decide(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (OfferingRuleViolation e) {
            throw ApplicationException.of(Kind.INVALID, "offering.rule-broken", e.getMessage())
                    .withErrors(List.of(ProblemError.at("/" + e.path(), e.getMessage())));
        } catch (IllegalTransition e) {
            throw ApplicationException.of(Kind.CONFLICT, "offering.step-not-allowed", e.getMessage());
        }
    }
}
