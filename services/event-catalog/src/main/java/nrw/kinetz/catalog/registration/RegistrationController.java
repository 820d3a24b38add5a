package nrw.kinetz.catalog.registration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nrw.kinetz.catalog.offering.BerlinTime;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.catalog.RegistrationStatus;

/**
 * Registrations over HTTP: people register, confirm and cancel without an account (the signed link from the mail
 * proves them); organisers list registrations, cancel, record attendance and erase personal data.
 */
@RestController
class RegistrationController {

    private final RegistrationService service;

    RegistrationController(RegistrationService service) {
        this.service = service;
    }

    record Register(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 254) @Email(message = "must be an e-mail address such as name@example.org")
            @Pattern(regexp = RegistrationService.EMAIL, message = "must be an e-mail address such as name@example.org")
            String email,
            @Size(max = 200) String organisation) {
    }

    record Link(@NotBlank String token) {
    }

    /**
     * What the public learns about a registration: no personal data.
     *
     * @param waitlistPosition the place in line while waitlisted, else 0
     */
    record RegistrationView(String registrationId, String offeringId, RegistrationStatus status, int waitlistPosition) {
    }

    /** What the organiser sees: the person, the status and the sessions attended. */
    record OrganiserView(String registrationId, String name, String email, String organisation, RegistrationStatus status,
            int waitlistPosition, OffsetDateTime registeredAt, List<Integer> attendedSessions, boolean erased) {
    }

    /**
     * @param attendanceRate attended session places over confirmed registrations times sessions, two decimals; null
     *                       while nobody is confirmed
     */
    record AttendanceView(String offeringId, int confirmed, List<Map<String, Integer>> sessions, String attendanceRate) {
    }

    /** 202 for a new registration (a mail asks to confirm it), 200 with the existing one for an address registered already. */
    @PostMapping("/api/v1/offerings/{offeringId}/registrations")
    ResponseEntity<RegistrationView> register(@PathVariable String offeringId, @Valid @RequestBody Register request) {
        RegistrationService.Registered registered = service.register(offeringId, request.name(), request.email(),
                request.organisation());
        return ResponseEntity.status(registered.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view(registered.registration()));
    }

    @PostMapping("/api/v1/registrations/{registrationId}/confirmation")
    RegistrationView confirm(@PathVariable String registrationId, @Valid @RequestBody Link link) {
        service.confirm(registrationId, link.token());
        return view(service.find(registrationId).orElseThrow());
    }

    @PostMapping("/api/v1/registrations/{registrationId}/cancellation")
    RegistrationView cancel(@PathVariable String registrationId, @Valid @RequestBody Link link) {
        service.cancelByPerson(registrationId, link.token());
        return view(service.find(registrationId).orElseThrow());
    }

    @GetMapping("/api/v1/offerings/{offeringId}/registrations")
    List<OrganiserView> list(@PathVariable String offeringId, Caller caller) {
        StoredOffering offering = service.organised(offeringId, caller);
        return service.list(offeringId, caller).stream().map(r -> new OrganiserView(r.id(), r.name(), r.email(), r.organisation(),
                RegistrationStatus.valueOf(r.status()), offering.seats().positionOf(r.id()),
                BerlinTime.inBerlin(Instant.parse(r.registeredAt()).atOffset(ZoneOffset.UTC)),
                attended(offering, r.id()), r.erased())).toList();
    }

    @DeleteMapping("/api/v1/offerings/{offeringId}/registrations/{registrationId}")
    RegistrationView cancelByOrganiser(@PathVariable String offeringId, @PathVariable String registrationId, Caller caller) {
        service.cancelByOrganiser(offeringId, registrationId, caller);
        return view(service.find(registrationId).orElseThrow());
    }

    /** Checking in twice counts once: {@code recorded} says whether this call recorded anything. */
    @PutMapping("/api/v1/offerings/{offeringId}/registrations/{registrationId}/attendance/{session}")
    Map<String, Object> attend(@PathVariable String offeringId, @PathVariable String registrationId, @PathVariable int session,
            Caller caller) {
        return Map.of("registrationId", registrationId, "session", session,
                "recorded", service.recordAttendance(offeringId, registrationId, session, caller));
    }

    @GetMapping("/api/v1/offerings/{offeringId}/attendance")
    AttendanceView attendance(@PathVariable String offeringId, Caller caller) {
        StoredOffering offering = service.organised(offeringId, caller);
        int confirmed = offering.seats().holders().size();
        int sessionCount = offering.offering().sessions().size();
        List<Map<String, Integer>> perSession = new ArrayList<>();
        int attended = 0;
        for (int session = 1; session <= sessionCount; session++) {
            int count = 0;
            for (String holder : offering.seats().holders()) {
                count += offering.attended(holder, session) ? 1 : 0;
            }
            attended += count;
            perSession.add(Map.of("session", session, "attended", count));
        }
        String rate = confirmed == 0 ? null : new BigDecimal(attended)
                .divide(new BigDecimal(confirmed * sessionCount), 2, RoundingMode.HALF_UP).toPlainString();
        return new AttendanceView(offeringId, confirmed, perSession, rate);
    }

    /** Erasure on request (GDPR art. 17): name, e-mail address and organisation go, the counts stay. */
    @DeleteMapping("/api/v1/offerings/{offeringId}/registrations/{registrationId}/personal-data")
    ResponseEntity<Void> erase(@PathVariable String offeringId, @PathVariable String registrationId, Caller caller) {
        service.erase(offeringId, registrationId, caller);
        return ResponseEntity.noContent().build();
    }

    private RegistrationView view(RegistrationDocument registration) {
        int position = RegistrationStatus.valueOf(registration.status()) == RegistrationStatus.WAITLISTED
                ? service.waitlistPosition(registration) : 0;
        return new RegistrationView(registration.id(), registration.offeringId(), RegistrationStatus.valueOf(registration.status()),
                position);
    }

    private static List<Integer> attended(StoredOffering offering, String registrationId) {
        List<Integer> sessions = new ArrayList<>();
        for (int session = 1; session <= offering.offering().sessions().size(); session++) {
            if (offering.attended(registrationId, session)) {
                sessions.add(session);
            }
        }
        return sessions;
    }
}
