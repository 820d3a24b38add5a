package nrw.kinetz.catalog.offering.domain;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingDetails;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * An offering of the catalog: what it is, when and where it takes place, how many seats it has and until
 * when people may register and cancel. Its status runs DRAFT → PUBLISHED → CANCELLED | COMPLETED (a draft
 * may also be cancelled); cancelled and completed offerings do not change any more.
 *
 * @param organiserSite        the organising KI, empty when the LaKI organises
 * @param sessions             one or more, ordered by start
 * @param registrationDeadline registration closes then; at the latest at the start of the first session
 * @param cancellationDeadline people may cancel themselves until then
 */
public record Offering(String id, Optional<SiteId> organiserSite, OfferingType type, FocusArea focusArea, String title,
        String description, String audience, String place, URI onlineLink, int capacity, List<OfferingSession> sessions,
        OffsetDateTime registrationDeadline, OffsetDateTime cancellationDeadline, OfferingStatus status) {

    public static final int MAX_CAPACITY = 10_000;
    public static final int MAX_SESSIONS = 50;

    public Offering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organiserSite, "organiserSite");
        Objects.requireNonNull(status, "status");
        sessions = List.copyOf(sessions);
    }

    /**
     * A new draft after checking every rule. Deadlines default to the start of the first session.
     *
     * @throws OfferingRuleViolation naming the first field that breaks a rule
     */
    public static Offering draft(String id, Optional<SiteId> organiserSite, OfferingType type, FocusArea focusArea,
            String title, String description, String audience, String place, URI onlineLink, int capacity,
            List<OfferingSession> sessions, OffsetDateTime registrationDeadline, OffsetDateTime cancellationDeadline) {
        return checked(new Offering(id, organiserSite, type, focusArea, title, description, audience, place, onlineLink,
                capacity, ordered(sessions), registrationDeadline, cancellationDeadline, OfferingStatus.DRAFT));
    }

    /**
     * The same offering with new details; id, organiser and status stay.
     *
     * @throws IllegalTransition     if the offering is cancelled or completed
     * @throws OfferingRuleViolation if the new details break a rule
     */
    public Offering withDetails(Offering details) {
        requireOpen("changed");
        return checked(new Offering(id, organiserSite, details.type, details.focusArea, details.title, details.description,
                details.audience, details.place, details.onlineLink, details.capacity, ordered(details.sessions),
                details.registrationDeadline, details.cancellationDeadline, status));
    }

    public Offering publish() {
        if (status != OfferingStatus.DRAFT) {
            throw new IllegalTransition("Only a draft can be published; this offering is " + status + ".");
        }
        return withStatus(OfferingStatus.PUBLISHED);
    }

    public Offering cancel() {
        requireOpen("cancelled");
        return withStatus(OfferingStatus.CANCELLED);
    }

    public Offering complete() {
        if (status != OfferingStatus.PUBLISHED) {
            throw new IllegalTransition("Only a published offering can be completed; this offering is " + status + ".");
        }
        return withStatus(OfferingStatus.COMPLETED);
    }

    /** @return whether a person may register at {@code now}: published and before the registration deadline */
    public Optional<String> whyRegistrationIsClosed(OffsetDateTime now) {
        if (status != OfferingStatus.PUBLISHED) {
            return Optional.of(status == OfferingStatus.DRAFT ? "The offering is not published."
                    : "The offering is " + status.name().toLowerCase(java.util.Locale.ROOT) + "; registration is closed.");
        }
        if (!now.isBefore(registrationDeadline)) {
            return Optional.of("The registration deadline (" + registrationDeadline + ") has passed.");
        }
        return Optional.empty();
    }

    public OffsetDateTime firstStart() {
        return sessions.get(0).start();
    }

    public OffsetDateTime lastEnd() {
        return sessions.stream().map(OfferingSession::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** What consumers of {@code ki.catalog.v1} learn about the offering. */
    public OfferingDetails details() {
        return new OfferingDetails(id, organiserSite.orElse(null), type, focusArea, title, capacity, sessions,
                registrationDeadline);
    }

    private Offering withStatus(OfferingStatus next) {
        return new Offering(id, organiserSite, type, focusArea, title, description, audience, place, onlineLink, capacity,
                sessions, registrationDeadline, cancellationDeadline, next);
    }

    private void requireOpen(String what) {
        if (status == OfferingStatus.CANCELLED || status == OfferingStatus.COMPLETED) {
            throw new IllegalTransition("A " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + " offering cannot be " + what + ".");
        }
    }

    private static List<OfferingSession> ordered(List<OfferingSession> sessions) {
        List<OfferingSession> copy = new ArrayList<>(sessions == null ? List.of() : sessions);
        copy.sort(Comparator.comparing(OfferingSession::start));
        return copy;
    }

    private static Offering checked(Offering offering) {
        require(offering.type != null, "type", "is required");
        require(offering.focusArea != null, "focusArea", "is required");
        require(offering.title != null && !offering.title.isBlank(), "title", "is required");
        require(offering.capacity >= 1 && offering.capacity <= MAX_CAPACITY, "capacity",
                "must be between 1 and " + MAX_CAPACITY + " seats");
        require(!offering.sessions.isEmpty(), "sessions", "an offering needs at least one session");
        require(offering.sessions.size() <= MAX_SESSIONS, "sessions", "at most " + MAX_SESSIONS + " sessions");
        for (int i = 0; i < offering.sessions.size(); i++) {
            OfferingSession session = offering.sessions.get(i);
            require(session.end().isAfter(session.start()), "sessions/" + i + "/end",
                    "the session ending " + session.end() + " must end after it starts (" + session.start() + ")");
        }
        require((offering.place != null && !offering.place.isBlank()) || offering.onlineLink != null, "place",
                "give a place or an online link");
        if (offering.onlineLink != null) {
            String scheme = offering.onlineLink.getScheme();
            require(("https".equals(scheme) || "http".equals(scheme)) && offering.onlineLink.getHost() != null,
                    "onlineLink", "must be an http(s) address");
        }
        OffsetDateTime first = offering.firstStart();
        OffsetDateTime registration = offering.registrationDeadline == null ? first : offering.registrationDeadline;
        OffsetDateTime cancellation = offering.cancellationDeadline == null ? first : offering.cancellationDeadline;
        require(!registration.isAfter(first), "registrationDeadline", "must not lie after the first session starts (" + first + ")");
        require(!cancellation.isAfter(first), "cancellationDeadline", "must not lie after the first session starts (" + first + ")");
        return new Offering(offering.id, offering.organiserSite, offering.type, offering.focusArea, offering.title.strip(),
                offering.description, offering.audience, offering.place, offering.onlineLink, offering.capacity,
                offering.sessions, registration, cancellation, offering.status);
    }

    private static void require(boolean rule, String path, String message) {
        if (!rule) {
            throw new OfferingRuleViolation(path, message);
        }
    }
}
