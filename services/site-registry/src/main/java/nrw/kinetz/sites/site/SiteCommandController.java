package nrw.kinetz.sites.site;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.sites.SitesProperties;
import nrw.kinetz.sites.site.SiteRequests.ChangeContact;
import nrw.kinetz.sites.site.SiteRequests.ChangeFocusAreas;
import nrw.kinetz.sites.site.SiteRequests.ChangeStaffing;
import nrw.kinetz.sites.site.SiteRequests.ChangeStatus;
import nrw.kinetz.sites.site.SiteRequests.RegisterSite;

/**
 * The registry's commands over HTTP. Registering a site and moving it through its lifecycle are the LaKI's
 * decisions; staffing, focus areas and contact may also be changed by the site's own KI. Every change names
 * the version it was made against ({@code If-Match}), answers with the new version ({@code ETag}) and is
 * announced on {@code ki.sites.v1}.
 */
@RestController
@RequestMapping("/api/v1/sites")
class SiteCommandController {

    private final SiteService service;
    private final boolean syntheticSites;

    SiteCommandController(SiteService service, SitesProperties properties) {
        this.service = service;
        this.syntheticSites = properties.syntheticSites();
    }

    @PostMapping
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<SiteView> register(@Valid @RequestBody RegisterSite request) {
        if (request.siteId().isSynthetic() && !syntheticSites) {
            // a benchmark's sites must never mix into a real network's figures
            throw ApplicationException.of(Kind.INVALID, "site.synthetic-refused", "Site " + request.siteId()
                    + " is in the synthetic key range (05999001 to 05999999), which only the benchmark registers; a KI is"
                    + " registered with its district key", request.siteId())
                    .withErrors(List.of(ProblemError.at("/siteId", "synthetic key range")));
        }
        StoredSite site = service.register(request.siteId(), request.name(), request.territoryKind(), request.population(),
                request.status(), request.statusSince());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{siteId}")
                .buildAndExpand(request.siteId().value()).toUri();
        return ResponseEntity.created(location).eTag(site.etag()).body(SiteView.of(site));
    }

    @PutMapping("/{siteId}/status")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<SiteView> changeStatus(@PathVariable String siteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ChangeStatus request) {
        return answer(service.changeStatus(SiteId.of(siteId), ifMatch, request.status(), request.effectiveOn()));
    }

    @PutMapping("/{siteId}/staffing")
    ResponseEntity<SiteView> changeStaffing(@PathVariable String siteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ChangeStaffing request, Caller caller) {
        SiteId site = ownSite(siteId, caller);
        return answer(service.changeStaffing(site, ifMatch, request.toPosts()));
    }

    @PutMapping("/{siteId}/focus-areas")
    ResponseEntity<SiteView> changeFocusAreas(@PathVariable String siteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ChangeFocusAreas request, Caller caller) {
        SiteId site = ownSite(siteId, caller);
        return answer(service.changeFocus(site, ifMatch, request.focusAreas(), request.programs()));
    }

    @PutMapping("/{siteId}/contact")
    ResponseEntity<SiteView> changeContact(@PathVariable String siteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ChangeContact request, Caller caller) {
        SiteId site = ownSite(siteId, caller);
        return answer(service.changeContact(site, ifMatch, request.toContact()));
    }

    /** The LaKI acts for every site, a KI for its own only (403 otherwise). */
    private static SiteId ownSite(String siteId, Caller caller) {
        SiteId site = SiteId.of(siteId);
        caller.requireMayActFor(site);
        return site;
    }

    private static ResponseEntity<SiteView> answer(StoredSite site) {
        return ResponseEntity.ok().eTag(site.etag()).body(SiteView.of(site));
    }
}
