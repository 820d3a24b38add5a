package nrw.kinetz.catalog.offering;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * The body that creates an offering or replaces its details. Times are Berlin wall time or carry an offset;
 * the deadlines default to the start of the first session. The rules between fields (a session ends after it
 * starts, deadlines before the first session) are the offering's.
 *
 * @param organiserSite the organising KI's site id; absent or {@code laki} when the LaKI organises. Only read on
 *                      creation: the organiser of an offering does not change.
 */
record OfferingRequest(
        @NotNull OfferingType type,
        String organiserSite,
        @NotNull FocusArea focusArea,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @Size(max = 500) String audience,
        @Size(max = 300) String place,
        @Size(max = 500) String onlineLink,
        @NotNull Integer capacity,
        @NotNull @Size(min = 1, max = Offering.MAX_SESSIONS) List<@NotNull @Valid Session> sessions,
        String registrationDeadline,
        String cancellationDeadline) {

    record Session(@NotBlank String start, @NotBlank String end) {
    }

    Optional<SiteId> organiser() {
        if (organiserSite == null || organiserSite.isBlank() || organiserSite.strip().equalsIgnoreCase("laki")) {
            return Optional.empty();
        }
        return Optional.of(SiteId.of(organiserSite.strip()));
    }

    /** A draft with these details; for a change only the details of it are used. */
    Offering toDraft(String id, Optional<SiteId> organiser) {
        List<OfferingSession> times = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            times.add(new OfferingSession(BerlinTime.parse(sessions.get(i).start(), "/sessions/" + i + "/start"),
                    BerlinTime.parse(sessions.get(i).end(), "/sessions/" + i + "/end")));
        }
        return Offering.draft(id, organiser, type, focusArea, title, description, audience, place, link(), capacity, times,
                BerlinTime.parse(registrationDeadline, "/registrationDeadline"),
                BerlinTime.parse(cancellationDeadline, "/cancellationDeadline"));
    }

    private URI link() {
        if (onlineLink == null || onlineLink.isBlank()) {
            return null;
        }
        try {
            return new URI(onlineLink.strip());
        } catch (URISyntaxException e) {
            throw ApiProblemException.badRequest("'" + onlineLink + "' is not an address",
                    List.of(ProblemError.at("/onlineLink", "must be an http(s) address")));
        }
    }
}
