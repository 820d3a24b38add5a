package nrw.kinetz.catalog.offering;

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

/**
 * The organisers' commands over HTTP: the LaKI manages every offering, a KI those of its own site. Every change
 * names the version it was made against ({@code If-Match}) and answers with the new one ({@code ETag}).
 */
@RestController
@RequestMapping("/api/v1/offerings")
class OfferingCommandController {

    private final OfferingService service;

    OfferingCommandController(OfferingService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('laki', 'ki')")
    ResponseEntity<OfferingView> create(@Valid @RequestBody OfferingRequest request, Caller caller) {
        String id = UUID.randomUUID().toString();
        StoredOffering offering = service.create(caller, () -> request.toDraft(id, request.organiser()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(offering.etag()).body(OfferingView.of(offering));
    }

    @PutMapping("/{offeringId}")
    ResponseEntity<OfferingView> change(@PathVariable String offeringId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OfferingRequest request, Caller caller) {
        return answer(service.change(offeringId, caller, ifMatch,
                current -> current.withDetails(request.toDraft(current.id(), current.organiserSite()))));
    }

    @PostMapping("/{offeringId}/publication")
    ResponseEntity<OfferingView> publish(@PathVariable String offeringId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return answer(service.publish(offeringId, caller, ifMatch));
    }

    @PostMapping("/{offeringId}/cancellation")
    ResponseEntity<OfferingView> cancel(@PathVariable String offeringId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return answer(service.cancel(offeringId, caller, ifMatch));
    }

    @PostMapping("/{offeringId}/completion")
    ResponseEntity<OfferingView> complete(@PathVariable String offeringId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return answer(service.complete(offeringId, caller, ifMatch));
    }

    private static ResponseEntity<OfferingView> answer(StoredOffering offering) {
        return ResponseEntity.ok().eTag(offering.etag()).body(OfferingView.of(offering));
    }
}
