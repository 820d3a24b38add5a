package nrw.kinetz.infra.testapp;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.SiteId;

/** Endpoints that fail in every way a real one can, to test the problem details. */
@RestController
class ThingsController {

    record Metrics(@NotNull @Min(value = 0, message = "must be ≥ 0") Integer participants) {
    }

    record Item(@NotBlank String name, @NotNull @Valid Metrics metrics) {
    }

    record Batch(@NotNull @Valid List<Item> items) {
    }

    @PostMapping("/test/batches")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Batch accept(@Valid @RequestBody Batch batch) {
        return batch;
    }

    @PostMapping("/test/sites/{siteId}")
    String site(@PathVariable String siteId) {
        return SiteId.of(siteId).value();
    }

    @PostMapping("/test/conflicts")
    void conflict() {
        throw ApiProblemException.conflict("CLOSED is final; allowed next states: none");
    }

    @PostMapping("/test/stale-things")
    void stale() {
        throw ApplicationException.of(Kind.PRECONDITION_FAILED, "test.stale", "The thing changed; the current ETag is \"7\".", "\"7\"")
                .withErrors(List.of(ProblemError.of("stale If-Match"))).withCurrentVersion("\"7\"");
    }

    @PostMapping("/test/busy-things")
    void busy() {
        throw ApplicationException.of(Kind.UNAVAILABLE, "test.busy", "The store did not confirm.")
                .withRetryAfter(Duration.ofSeconds(5));
    }
}
