package nrw.kinetz.infra.deadletter;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;

/**
 * The dead letters of this service's listeners (laki only), in every service that consumes a topic: list them
 * with the reason, and send them back to their topic once the cause is repaired (docs/architecture.md#dlt).
 */
@RestController
@RequestMapping(path = DeadLettersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('laki')")
public class DeadLettersController {

    static final String PATH = "/api/v1/dead-letters";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "This service's dead letters of a topic, oldest first",
            description = "laki only. topic is one of the contract's topics (ki.activities.v1 …); 400 problem+json otherwise."
                    + " Each entry says where it lies in <topic>.dlt (id), the event, the failure and whether it was re-driven.")
    public ResponseEntity<List<DeadLetter>> list(
            @Parameter(description = "the topic whose dead letters to list, e.g. ki.activities.v1") @RequestParam(required = false) String topic) {
        List<DeadLetter> found = deadLetters.list(checked(topic));
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(found.size())).body(found);
    }

    @PostMapping("/redrive")
    @Operation(summary = "Send this service's dead letters of a topic back to it",
            description = "laki only. All that were not re-driven yet, or those named by id (the dead letter's id or its"
                    + " event id, repeatable). Dead letters re-driven before are skipped, so repeating the call sends"
                    + " nothing twice; consumers skip event ids they have applied. 400 for an unknown topic, 404 for an"
                    + " id that is none of this service's dead letters, 503 with Retry-After when Kafka does not take them.")
    public DeadLetters.Redriven redrive(
            @Parameter(description = "the topic whose dead letters to re-drive") @RequestParam(required = false) String topic,
            @Parameter(description = "ids to re-drive (default: all not yet re-driven)") @RequestParam(name = "id", required = false) List<String> ids) {
        String checked = checked(topic);
        try {
            return deadLetters.redrive(checked, ids == null ? Set.of() : new LinkedHashSet<>(ids));
        } catch (DeadLetters.UnknownDeadLettersException e) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "No dead letter of this service on " + checked + ".dlt has this id.",
                    e.ids().stream().map(id -> ProblemError.at("/id", "no dead letter " + id)).toList());
        } catch (DeadLetters.RedriveFailedException e) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", e.getMessage()
                    + "; what was sent before is remembered, so repeating the request sends nothing twice.",
                    List.of(ProblemError.of(e.getMessage())), headers);
        }
    }

    private static String checked(String topic) {
        if (topic == null || topic.isBlank()) {
            throw ApiProblemException.badRequest("The query is not valid: 1 problem(s).",
                    List.of(ProblemError.at("/topic", "a topic is required; one of " + String.join(", ", DeadLetters.topics()))));
        }
        if (!DeadLetters.known(topic)) {
            throw ApiProblemException.badRequest("The query is not valid: 1 problem(s).",
                    List.of(ProblemError.at("/topic", topic + " is not a topic; one of " + String.join(", ", DeadLetters.topics()))));
        }
        return topic;
    }
}
