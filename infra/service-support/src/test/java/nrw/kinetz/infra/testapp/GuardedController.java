package nrw.kinetz.infra.testapp;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.SiteId;

/** Endpoints guarded the ways real services guard theirs. */
@RestController
class GuardedController {

    @GetMapping("/test/public")
    String read(Caller caller) {
        return caller.seesExactNumbers() ? "exact" : "suppressed";
    }

    @PostMapping("/test/network-decisions")
    @PreAuthorize("hasRole('laki')")
    @ResponseStatus(HttpStatus.CREATED)
    String decide() {
        return "decided";
    }

    record Decision(@jakarta.validation.constraints.NotBlank String title) {
    }

    @PostMapping("/test/network-decisions/validated")
    @PreAuthorize("hasRole('laki')")
    @ResponseStatus(HttpStatus.CREATED)
    String decideValidated(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Decision decision) {
        return decision.title();
    }

    @PostMapping("/test/sites/{siteId}/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    String report(@PathVariable String siteId, Caller caller) {
        caller.requireMayActFor(SiteId.of(siteId));
        return "accepted";
    }
}
