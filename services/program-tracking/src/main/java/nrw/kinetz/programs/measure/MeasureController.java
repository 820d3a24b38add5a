package nrw.kinetz.programs.measure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.EndpointRoles;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.programs.measure.MeasureStore.StoredMeasure;
import nrw.kinetz.programs.measure.domain.Measure;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.web.IfMatch;
import nrw.kinetz.programs.web.Refusals;

/**
 * A site's measures: the KI starts one under a programme with its own reference, title, dates and a target per
 * indicator, and completes it. Reading is public.
 */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureController {

    /** @param targets a count per indicator the programme (block) reports */
    record Start(@NotNull SiteId siteId, @NotBlank @Size(max = 64) String measureId, @NotNull Program program,
            @Size(max = 2) String block, @NotBlank @Size(max = 200) String title, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, Map<Indicator, Long> targets) {
    }

    record Complete(LocalDate completedOn) {
    }

    record MeasureView(SiteId siteId, String measureId, Program program, Program.Block block, String title,
            LocalDate startsOn, LocalDate endsOn, Map<Indicator, Long> targets, LocalDate completedOn, long version) {

        static MeasureView of(StoredMeasure stored) {
            Measure m = stored.measure();
            return new MeasureView(m.siteId(), m.measureId(), m.program(), m.block(), m.title(), m.startsOn(), m.endsOn(),
                    m.targets(), m.completedOn(), stored.version());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Roles {

        @Bean
        EndpointRoles measuresAreTheKis() {
            return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/measures", "/api/v1/measures/*/*/completion")
                    .hasAnyRole("laki", "ki");
        }
    }

    private final MeasureStore store;
    private final Announcer announcer;
    private final PendingEventsSignal relay;
    private final Clock clock;

    MeasureController(MeasureStore store, Announcer announcer, PendingEventsSignal relay, Clock clock) {
        this.store = store;
        this.announcer = announcer;
        this.relay = relay;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<MeasureView> start(@Valid @RequestBody Start request, Caller caller) {
        caller.requireMayActFor(request.siteId());
        Measure.Outcome outcome = Refusals.decide("measure", () -> Measure.start(request.siteId(), request.measureId().strip(),
                request.program(), request.block(), request.title().strip(), request.startsOn(), request.endsOn(),
                request.targets() == null ? new EnumMap<>(Indicator.class) : request.targets(), NetworkTime.today(clock)));
        if (!store.insert(outcome.measure(), announcer.announce(request.siteId(), outcome.facts()))) {
            throw ApplicationException.of(Kind.CONFLICT, "measure.exists-already", "Site " + request.siteId()
                    + " has a measure " + request.measureId() + " already.", request.siteId(), request.measureId());
        }
        relay.eventsPending();
        StoredMeasure stored = new StoredMeasure(outcome.measure(), 1);
        return ResponseEntity.status(201).eTag(stored.etag()).body(MeasureView.of(stored));
    }

    @PostMapping("/{siteId}/{measureId}/completion")
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<MeasureView> complete(@PathVariable String siteId, @PathVariable String measureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Complete request, Caller caller) {
        SiteId site = SiteId.of(siteId);
        caller.requireMayActFor(site);
        StoredMeasure current = get(site, measureId);
        IfMatch.require(ifMatch, current.version(), "measure " + siteId + "/" + measureId);
        LocalDate today = NetworkTime.today(clock);
        LocalDate on = request == null || request.completedOn() == null ? today : request.completedOn();
        Measure.Outcome outcome = Refusals.decide("measure", () -> current.measure().complete(on, today));
        if (!store.complete(outcome.measure(), current.version(), announcer.announce(site, outcome.facts()))) {
            throw IfMatch.stale("measure " + siteId + "/" + measureId, get(site, measureId).etag());
        }
        relay.eventsPending();
        StoredMeasure stored = new StoredMeasure(outcome.measure(), current.version() + 1);
        return ResponseEntity.ok().eTag(stored.etag()).body(MeasureView.of(stored));
    }

    @GetMapping
    List<MeasureView> list(@RequestParam String site, @RequestParam(required = false) String program) {
        return store.of(SiteId.of(site), program == null ? null : Program.parse(program)).stream().map(MeasureView::of).toList();
    }

    @GetMapping("/{siteId}/{measureId}")
    ResponseEntity<MeasureView> one(@PathVariable String siteId, @PathVariable String measureId) {
        StoredMeasure measure = get(SiteId.of(siteId), measureId);
        return ResponseEntity.ok().eTag(measure.etag()).body(MeasureView.of(measure));
    }

    private StoredMeasure get(SiteId siteId, String measureId) {
        return store.find(siteId, measureId).orElseThrow(() -> ApplicationException.of(Kind.NOT_FOUND, "measure.unknown",
                "Site " + siteId + " has no measure " + measureId + "; GET /api/v1/measures?site=" + siteId + " lists them.",
                siteId, measureId));
    }
}
