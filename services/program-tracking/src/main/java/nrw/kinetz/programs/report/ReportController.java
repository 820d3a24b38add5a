package nrw.kinetz.programs.report;

import java.util.List;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.EndpointRoles;
import nrw.kinetz.model.CodeLists;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.programs.indicator.Indicators;
import nrw.kinetz.programs.report.ReportStore.StoredReport;
import nrw.kinetz.programs.report.domain.ReportStatus;

/**
 * Period reports over HTTP: a KI submits its report for a programme and budget year; the LaKI accepts it (the
 * period is locked), returns it with a comment, or reopens a locked period. Reading is public, with counts of
 * people suppressed as everywhere.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    record Submit(@NotNull SiteId siteId, @NotNull Program program, @NotNull @Min(2000) @Max(2100) Integer budgetYear) {
    }

    record Comment(@NotBlank @Size(max = 2000) String comment) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Roles {

        @Bean
        EndpointRoles reportDecisionsAreTheLakis() {
            return requests -> requests
                    .requestMatchers(HttpMethod.POST, "/api/v1/reports/*/*/*/acceptance", "/api/v1/reports/*/*/*/return",
                            "/api/v1/reports/*/*/*/reopening").hasRole("laki")
                    .requestMatchers(HttpMethod.POST, "/api/v1/reports").hasAnyRole("laki", "ki");
        }
    }

    private final ReportService service;
    private final ReportStore store;
    private final Indicators indicators;

    ReportController(ReportService service, ReportStore store, Indicators indicators) {
        this.service = service;
        this.store = store;
        this.indicators = indicators;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<ReportView> submit(@Valid @RequestBody Submit request, Caller caller) {
        StoredReport report = service.submit(caller, request.siteId(), request.program(), request.budgetYear());
        return ResponseEntity.status(201).eTag(report.etag()).body(view(report, caller));
    }

    @PostMapping("/{siteId}/{program}/{year}/acceptance")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<ReportView> accept(@PathVariable String siteId, @PathVariable String program, @PathVariable int year,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return answer(service.accept(SiteId.of(siteId), Program.parse(program), year, ifMatch), caller);
    }

    @PostMapping("/{siteId}/{program}/{year}/return")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<ReportView> giveBack(@PathVariable String siteId, @PathVariable String program, @PathVariable int year,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Comment request, Caller caller) {
        return answer(service.giveBack(SiteId.of(siteId), Program.parse(program), year, ifMatch, request.comment().strip()),
                caller);
    }

    @PostMapping("/{siteId}/{program}/{year}/reopening")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<ReportView> reopen(@PathVariable String siteId, @PathVariable String program, @PathVariable int year,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Comment request, Caller caller) {
        return answer(service.reopen(SiteId.of(siteId), Program.parse(program), year, ifMatch, request.comment().strip()),
                caller);
    }

    @GetMapping("/{siteId}/{program}/{year}")
    ResponseEntity<ReportView> one(@PathVariable String siteId, @PathVariable String program, @PathVariable int year,
            Caller caller) {
        return answer(service.get(SiteId.of(siteId), Program.parse(program), year), caller);
    }

    @GetMapping
    List<ReportView> list(@RequestParam(required = false) String site, @RequestParam(required = false) String program,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String status, Caller caller) {
        return store.list(site == null ? null : SiteId.of(site), program == null ? null : Program.parse(program), year,
                status == null ? null : CodeLists.parse(ReportStatus.class, status, "a report status")).stream()
                .map(r -> view(r, caller)).toList();
    }

    private ResponseEntity<ReportView> answer(StoredReport report, Caller caller) {
        return ResponseEntity.ok().eTag(report.etag()).body(view(report, caller));
    }

    private ReportView view(StoredReport report, Caller caller) {
        var r = report.report();
        return ReportView.of(report, indicators.of(r.siteId(), r.program(), r.budgetYear()), caller);
    }
}
