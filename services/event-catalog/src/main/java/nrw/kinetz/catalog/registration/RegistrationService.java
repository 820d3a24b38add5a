package nrw.kinetz.catalog.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import nrw.kinetz.catalog.offering.OfferingService;
import nrw.kinetz.catalog.offering.OfferingStore;
import nrw.kinetz.catalog.offering.OfferingStore.AttendanceOutcome;
import nrw.kinetz.catalog.offering.OfferingStore.SeatOutcome;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.catalog.offering.domain.Seats;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.catalog.registration.RegistrationDocument.PendingMail;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.AttendanceRecorded;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.RegistrationCancelled;
import nrw.kinetz.model.catalog.RegistrationConfirmed;
import nrw.kinetz.model.catalog.RegistrationPromoted;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.catalog.RegistrationWaitlisted;
import nrw.kinetz.model.event.EventEnvelope;

/**
 * Registration by the people themselves: register (no seat yet, a confirmation mail goes out), confirm with the
 * signed link (a seat while one is free, else the waiting list), cancel (the first in line moves up), and the
 * organisers' part: the list, cancelling, attendance, erasure.
 *
 * <p>Seats are decided on the offering document in one guarded write with the event that announces it; the
 * registration document follows in a second write that queues the mail. Should the service stop between the
 * two, {@link #catchUpWithSeats()} finds the registration behind its seat and finishes the job.
 */
@Service
public class RegistrationService {

    /** What the catalog accepts as an e-mail address: something, an @, a domain with a dot. */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private static final Set<RegistrationStatus> HOLDING = Set.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

    private final RegistrationStore store;
    private final OfferingStore offerings;
    private final OfferingService offeringService;
    private final LinkSigner links;
    private final MailOutbox mails;
    private final Duration confirmWithin;

    RegistrationService(RegistrationStore store, OfferingStore offerings, OfferingService offeringService, LinkSigner links,
            MailOutbox mails, @Value("${kinetz.catalog.registration.confirm-within:24h}") Duration confirmWithin) {
        this.store = store;
        this.offerings = offerings;
        this.offeringService = offeringService;
        this.links = links;
        this.mails = mails;
        this.confirmWithin = confirmWithin;
    }

    /** The registration and whether this call created it (a second call with the same address finds the first). */
    public record Registered(RegistrationDocument registration, boolean created) {
    }

    public Registered register(String offeringId, String name, String email, String organisation) {
        StoredOffering offering = offeringService.visibleTo(offeringId, Caller.anonymous());
        offering.offering().whyRegistrationIsClosed(offeringService.now()).ifPresent(reason -> {
            throw conflict("registration.closed", reason);
        });
        String emailKey = email.strip().toLowerCase(Locale.ROOT);
        Optional<RegistrationDocument> existing = store.findByEmail(offeringId, emailKey);
        if (existing.isPresent()) {
            return new Registered(existing.get(), false);
        }
        String now = offeringService.now().toInstant().toString();
        RegistrationDocument registration = new RegistrationDocument(UUID.randomUUID().toString(), offeringId, emailKey,
                name.strip(), email.strip(), organisation == null ? null : organisation.strip(),
                RegistrationStatus.PENDING.name(), now, now, false,
                List.of(new PendingMail(UUID.randomUUID().toString(), MailKind.CONFIRM_REQUEST.name())));
        if (!store.insert(registration)) {
            // The same address registered at the same moment from elsewhere: that one stands.
            return new Registered(store.findByEmail(offeringId, emailKey).orElseThrow(), false);
        }
        mails.wakeUp();
        return new Registered(registration, true);
    }

    /**
     * Confirms with the link from the mail. Confirming again answers the status it has; nothing changes.
     *
     * @throws ApiProblemException 410 after the confirmation period (the application problems have no kind for it)
     * @throws ApplicationException 403 for a forged link, 409 if the offering closed
     */
    public RegistrationStatus confirm(String registrationId, String token) {
        RegistrationDocument registration = signed(Purpose.CONFIRM, registrationId, token);
        RegistrationStatus status = RegistrationStatus.valueOf(registration.status());
        if (HOLDING.contains(status)) {
            return status;
        }
        if (status != RegistrationStatus.PENDING || expired(registration)) {
            throw new ApiProblemException(HttpStatus.GONE, "Gone", status == RegistrationStatus.CANCELLED
                    ? "This registration was cancelled; register again if you want to take part."
                    : "This confirmation link has expired: a registration must be confirmed within " + hours(confirmWithin)
                            + " hours. Register again.", List.of(ProblemError.of("link no longer valid")), HttpHeaders.EMPTY);
        }
        StoredOffering offering = offeringService.get(registration.offeringId());
        SiteId site = offering.offering().organiserSite().orElse(null);
        String offeringId = registration.offeringId();
        SeatOutcome outcome = offerings.takeSeat(offeringId, registrationId, seat -> seat == RegistrationStatus.CONFIRMED
                ? offeringService.event(CatalogEventTypes.REGISTRATION_CONFIRMED, offeringId,
                        new RegistrationConfirmed(registrationId, offeringId, site, RegistrationStatus.CONFIRMED))
                : offeringService.event(CatalogEventTypes.REGISTRATION_WAITLISTED, offeringId,
                        new RegistrationWaitlisted(registrationId, offeringId, site, RegistrationStatus.WAITLISTED)));
        if (outcome == SeatOutcome.CLOSED) {
            throw conflict("registration.offering-closed", "The offering is " + offeringService.get(offeringId).offering().status().name().toLowerCase(Locale.ROOT)
                    + "; registrations cannot be confirmed any more.");
        }
        offeringService.eventsStored();
        RegistrationStatus now = outcome == SeatOutcome.CONFIRMED ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        store.transition(registrationId, Set.of(RegistrationStatus.PENDING), now,
                now == RegistrationStatus.CONFIRMED ? MailKind.CONFIRMED : MailKind.WAITLISTED, instant());
        mails.wakeUp();
        return now;
    }

    /**
     * The person cancels with the link from the mail, until the offering's cancellation deadline.
     *
     * @throws ApplicationException 403 for a forged link, 409 after the deadline
     */
    public RegistrationStatus cancelByPerson(String registrationId, String token) {
        RegistrationDocument registration = signed(Purpose.CANCEL, registrationId, token);
        StoredOffering offering = offeringService.get(registration.offeringId());
        if (RegistrationStatus.valueOf(registration.status()) == RegistrationStatus.CANCELLED) {
            return RegistrationStatus.CANCELLED;
        }
        if (!offeringService.now().isBefore(offering.offering().cancellationDeadline())) {
            throw conflict("registration.cancellation-deadline-passed", "The cancellation deadline (" + offering.offering().cancellationDeadline()
                    + ") has passed; please contact the organiser.");
        }
        return cancel(registration, offering);
    }

    /** The organiser cancels a registration, at any time. */
    RegistrationStatus cancelByOrganiser(String offeringId, String registrationId, Caller caller) {
        StoredOffering offering = organised(offeringId, caller);
        return cancel(belongingTo(offering, registrationId), offering);
    }

    private RegistrationStatus cancel(RegistrationDocument registration, StoredOffering offering) {
        String offeringId = offering.offering().id();
        String registrationId = registration.id();
        SiteId site = offering.offering().organiserSite().orElse(null);
        Optional<Seats.Change> change = offerings.release(offeringId, registrationId, released -> {
            List<EventEnvelope<?>> events = new ArrayList<>();
            events.add(offeringService.event(CatalogEventTypes.REGISTRATION_CANCELLED, offeringId,
                    new RegistrationCancelled(registrationId, offeringId, site, RegistrationStatus.CANCELLED)));
            released.promoted().forEach(promoted -> events.add(offeringService.event(CatalogEventTypes.REGISTRATION_PROMOTED,
                    offeringId, new RegistrationPromoted(promoted, offeringId, site, RegistrationStatus.CONFIRMED))));
            return events;
        });
        change.ifPresent(released -> offeringService.eventsStored());
        store.transition(registrationId, Set.of(RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITLISTED), RegistrationStatus.CANCELLED, MailKind.CANCELLED, instant());
        change.ifPresent(released -> released.promoted().forEach(this::promoted));
        mails.wakeUp();
        return RegistrationStatus.CANCELLED;
    }

    private void promoted(String registrationId) {
        store.transition(registrationId, Set.of(RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING),
                RegistrationStatus.CONFIRMED, MailKind.PROMOTED, instant());
    }

    /**
     * Brings registrations in line with the seats decided on their offerings: those promoted (by a cancellation or a
     * larger capacity) and those whose confirmation was cut short between the two writes get their status and mail.
     */
    void catchUpWithSeats() {
        for (RegistrationStatus behind : List.of(RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING)) {
            for (RegistrationDocument registration : store.withStatus(behind, 1000)) {
                offerings.find(registration.offeringId()).ifPresent(offering -> {
                    if (offering.seats().holders().contains(registration.id())) {
                        store.transition(registration.id(), Set.of(behind), RegistrationStatus.CONFIRMED,
                                behind == RegistrationStatus.WAITLISTED ? MailKind.PROMOTED : MailKind.CONFIRMED, instant());
                    } else if (behind == RegistrationStatus.PENDING && offering.seats().waitlist().contains(registration.id())) {
                        store.transition(registration.id(), Set.of(behind), RegistrationStatus.WAITLISTED, MailKind.WAITLISTED,
                                instant());
                    }
                });
            }
        }
    }

    /** The organiser records that a confirmed person attended {@code session}; twice is once. */
    boolean recordAttendance(String offeringId, String registrationId, int session, Caller caller) {
        StoredOffering offering = organised(offeringId, caller);
        belongingTo(offering, registrationId);
        int sessions = offering.offering().sessions().size();
        if (session < 1 || session > sessions) {
            throw ApplicationException.of(Kind.INVALID, "registration.session-unknown", "The offering has " + sessions
                    + " session(s); there is no session " + session + ".", sessions, session)
                    .withErrors(List.of(ProblemError.at("/session", "must be between 1 and " + sessions)));
        }
        AttendanceOutcome outcome = offerings.recordAttendance(offeringId, registrationId, session,
                offeringService.event(CatalogEventTypes.ATTENDANCE_RECORDED, offeringId, new AttendanceRecorded(registrationId,
                        offeringId, offering.offering().organiserSite().orElse(null), session)));
        if (outcome == AttendanceOutcome.NOT_CONFIRMED) {
            throw conflict("registration.not-confirmed", "Only confirmed registrations can attend; this one is " + store.find(registrationId)
                    .map(RegistrationDocument::status).orElse("unknown") + ".");
        }
        offeringService.eventsStored();
        return outcome == AttendanceOutcome.RECORDED;
    }

    /** Erases the person's name, address and organisation on request (GDPR art. 17); status and counts stay. */
    void erase(String offeringId, String registrationId, Caller caller) {
        StoredOffering offering = organised(offeringId, caller);
        belongingTo(offering, registrationId);
        store.erase(registrationId, instant());
    }

    List<RegistrationDocument> list(String offeringId, Caller caller) {
        organised(offeringId, caller);
        return store.ofOffering(offeringId);
    }

    StoredOffering organised(String offeringId, Caller caller) {
        StoredOffering offering = offeringService.get(offeringId);
        OfferingService.requireOrganiser(offering.offering(), caller);
        return offering;
    }

    /** Never-confirmed registrations expire and lose their personal data; completed offerings' data goes after the retention. */
    void sweep(Duration retention) {
        Instant now = instant();
        store.unconfirmedSince(now.minus(confirmWithin)).forEach(id -> store.expire(id, now));
        List<String> completed = offerings.completedEndingBefore(now.minus(retention));
        if (!completed.isEmpty()) {
            store.notErasedOf(completed).forEach(id -> store.erase(id, now));
        }
    }

    public int waitlistPosition(RegistrationDocument registration) {
        return offerings.find(registration.offeringId()).map(o -> o.seats().positionOf(registration.id())).orElse(0);
    }

    public Optional<RegistrationDocument> find(String registrationId) {
        return store.find(registrationId);
    }

    public boolean expired(RegistrationDocument registration) {
        return RegistrationStatus.valueOf(registration.status()) == RegistrationStatus.EXPIRED
                || (RegistrationStatus.valueOf(registration.status()) == RegistrationStatus.PENDING
                        && !Instant.parse(registration.registeredAt()).plus(confirmWithin).isAfter(instant()));
    }

    private RegistrationDocument signed(Purpose purpose, String registrationId, String token) {
        if (!links.verify(purpose, registrationId, token)) {
            throw ApplicationException.of(Kind.FORBIDDEN, "registration.link-invalid", "This link is not valid: it was not sent "
                    + "by the catalog or was changed on the way. Open the link from your mail exactly as it is.")
                    .withErrors(List.of(ProblemError.at("/token", "not a valid " + purpose.name().toLowerCase(Locale.ROOT) + " link")));
        }
        return store.find(registrationId).orElseThrow(() -> ApplicationException.of(Kind.NOT_FOUND, "registration.unknown",
                "There is no registration " + registrationId + "; it may have been erased.", registrationId));
    }

    private RegistrationDocument belongingTo(StoredOffering offering, String registrationId) {
        return store.find(registrationId).filter(r -> r.offeringId().equals(offering.offering().id()))
                .orElseThrow(() -> ApplicationException.of(Kind.NOT_FOUND, "registration.not-of-offering", "Offering "
                        + offering.offering().id() + " has no registration " + registrationId + ".", offering.offering().id(),
                        registrationId));
    }

    private Instant instant() {
        return offeringService.now().toInstant();
    }

    private static long hours(Duration duration) {
        return duration.toHours();
    }

    private static ApplicationException conflict(String code, String reason) {
        return ApplicationException.of(Kind.CONFLICT, code, reason);
    }

}
