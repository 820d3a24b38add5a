package nrw.kinetz.programs.grant;

import java.net.URI;
import java.util.UUID;

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
import nrw.kinetz.programs.grant.GrantRequests.Amend;
import nrw.kinetz.programs.grant.GrantRequests.Apply;
import nrw.kinetz.programs.grant.GrantRequests.Approve;
import nrw.kinetz.programs.grant.GrantRequests.Disburse;
import nrw.kinetz.programs.grant.GrantRequests.PassOn;
import nrw.kinetz.programs.grant.GrantRequests.Reject;
import nrw.kinetz.programs.grant.GrantRequests.ReturnProof;
import nrw.kinetz.programs.grant.GrantRequests.SubmitProof;

/**
 * The grant lifecycle over HTTP: a KI applies, draws, passes on and accounts for its money; the LaKI approves,
 * rejects, amends and accepts or returns the proof of use. Decisions name the version they were taken against
 * ({@code If-Match}); every answer carries the new version ({@code ETag}); every change is announced on
 * {@code ki.programs.v1}.
 */
@RestController
@RequestMapping("/api/v1/grants")
class GrantCommandController {

    private final GrantService service;

    GrantCommandController(GrantService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<GrantView> apply(@Valid @RequestBody Apply request, Caller caller) {
        StoredGrant grant = service.apply(caller, request.siteId(), request.program(), request.block(), request.budgetYear(),
                request.amountApplied(), request.appliedOn());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{grantId}")
                .buildAndExpand(grant.grant().id()).toUri();
        return ResponseEntity.created(location).eTag(grant.etag()).body(GrantView.of(grant, service.today()));
    }

    @PostMapping("/{grantId}/approval")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<GrantView> approve(@PathVariable UUID grantId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @Valid @RequestBody Approve request) {
        return answer(service.approve(grantId, ifMatch, request.amountGranted(), request.decidedOn()));
    }

    @PostMapping("/{grantId}/rejection")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<GrantView> reject(@PathVariable UUID grantId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @Valid @RequestBody Reject request) {
        return answer(service.reject(grantId, ifMatch, request.reason().strip(), request.decidedOn()));
    }

    @PostMapping("/{grantId}/amendments")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<GrantView> amend(@PathVariable UUID grantId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @Valid @RequestBody Amend request) {
        return answer(service.amend(grantId, ifMatch, request.amountGranted(), request.reason().strip(), request.decidedOn()));
    }

    /** No {@code If-Match}: concurrent draws are expected; each succeeds exactly when it still fits the grant. */
    @PostMapping("/{grantId}/disbursements")
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<GrantView> disburse(@PathVariable UUID grantId, @Valid @RequestBody Disburse request, Caller caller) {
        return created(service.disburse(caller, grantId, request.amount(), request.disbursedOn()));
    }

    @PostMapping("/{grantId}/sub-grants")
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<GrantView> passOn(@PathVariable UUID grantId, @Valid @RequestBody PassOn request, Caller caller) {
        return created(service.passOn(caller, grantId, request.recipient().strip(), request.amount(), request.purpose().strip(),
                request.grantedOn()));
    }

    @PutMapping("/{grantId}/proof-of-use")
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<GrantView> submitProof(@PathVariable UUID grantId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SubmitProof request, Caller caller) {
        return answer(service.submitProof(caller, grantId, ifMatch, request.narrative().strip(), request.spent(),
                request.unspent()));
    }

    @PostMapping("/{grantId}/proof-of-use/acceptance")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<GrantView> acceptProof(@PathVariable UUID grantId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(service.acceptProof(grantId, ifMatch));
    }

    @PostMapping("/{grantId}/proof-of-use/return")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<GrantView> returnProof(@PathVariable UUID grantId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReturnProof request) {
        return answer(service.returnProof(grantId, ifMatch, request.reason().strip()));
    }

    private ResponseEntity<GrantView> answer(StoredGrant grant) {
        return ResponseEntity.ok().eTag(grant.etag()).body(GrantView.of(grant, service.today()));
    }

    private ResponseEntity<GrantView> created(StoredGrant grant) {
        return ResponseEntity.status(201).eTag(grant.etag()).body(GrantView.of(grant, service.today()));
    }
}
