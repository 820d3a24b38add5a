package nrw.kinetz.reporting.activity.adapter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.activity.replay.ActivityRebuild;
import nrw.kinetz.reporting.activity.replay.ActivityReconciliation;

/** Operating the activities read model (laki only): rebuild it from the topic, reconcile a period against the topic. */
@RestController
@PreAuthorize("hasRole('laki')")
public class ActivityAdminController {

    private final ActivityRebuild rebuild;
    private final ActivityReconciliation reconciliation;

    public ActivityAdminController(ActivityRebuild rebuild, ActivityReconciliation reconciliation) {
        this.rebuild = rebuild;
        this.reconciliation = reconciliation;
    }

    @PostMapping(path = "/api/v1/admin/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rebuild the activities read model from ki.activities.v1 into a new generation",
            description = "laki only. 202 with the status; the rebuild runs in the background and switches to the new "
                    + "generation when it has caught up (GET the same path to follow it). 409 if one is running.")
    public ResponseEntity<ActivityRebuild.Status> startRebuild() {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/admin/rebuild").body(rebuild.start());
        } catch (IllegalStateException e) {
            throw ApiProblemException.conflict(e.getMessage());
        }
    }

    @GetMapping(path = "/api/v1/admin/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where the last rebuild stands", description = "laki only.")
    public ActivityRebuild.Status rebuildStatus() {
        return rebuild.status();
    }

    @GetMapping(path = "/api/v1/admin/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute a period from the raw activity events and list the differences from the read model",
            description = "laki only. period=YYYY-MM, YYYY-Qn or YYYY is required; 400 problem+json (pointer /period) otherwise.")
    public ActivityReconciliation.Report reconcile(@RequestParam(required = false) String period) {
        Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (InvalidValueException e) {
            throw ApiProblemException.badRequest("The query is not valid: 1 problem(s).", List.of(ProblemError.at("/period", e.getMessage())));
        }
        return reconciliation.reconcile(parsed);
    }
}
