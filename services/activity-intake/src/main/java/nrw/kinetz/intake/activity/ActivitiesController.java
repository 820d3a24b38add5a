package nrw.kinetz.intake.activity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.infra.web.ProblemTexts;

/** {@code POST /api/v1/activities} and the retraction of an activity. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivitiesController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final BodyParser parser;
    private final ActivityIntake intake;
    private final ActivityRetractions retractions;
    private final IntakeProperties properties;

    ActivitiesController(BodyParser parser, ActivityIntake intake, ActivityRetractions retractions,
            IntakeProperties properties) {
        this.parser = parser;
        this.intake = intake;
        this.retractions = retractions;
        this.properties = properties;
    }

    @Operation(summary = "Report activities", description = """
            Reports one activity (JSON object), up to 1,000 (JSON array or NDJSON, one object per line) or a \
            spreadsheet export (CSV with a header row; ';' or ','; UTF-8 with or without BOM, or Windows-1252 as \
            German Excel saves it — detected, or as the charset parameter says; dates ISO or German). A `ki` \
            token reports for its own site only; `laki` for every site. The answer is 202 only \
            after Kafka acknowledged every accepted activity; each item is accepted, duplicate (same id and \
            content as before: counted once) or rejected with every reason (JSON Pointer, or line for NDJSON \
            and CSV). In CSV the id may be empty: it is then derived from site, row content and occurrence, so \
            uploading the same file twice counts nothing twice.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "One activity or an array of at most"
                                    + " 1,000. The fields are those of the event payload (JSON Schema at"
                                    + " /api/v1/schemas/activity-reported.v1.json) with id and site instead of"
                                    + " activityId and siteId; unknown properties are rejected"),
                            examples = {@ExampleObject(name = "one activity", value = Examples.OBJECT),
                                    @ExampleObject(name = "array", value = Examples.ARRAY)}),
                    @Content(mediaType = BodyParser.NDJSON, examples = @ExampleObject(name = "NDJSON", value = Examples.NDJSON)),
                    @Content(mediaType = BodyParser.CSV, examples = @ExampleObject(name = "CSV", value = Examples.CSV))}),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted items are on ki.activities.v1; see each item",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    examples = @ExampleObject(value = Examples.SUMMARY))),
                    @ApiResponse(responseCode = "200", description = "Dry run: nothing published; items valid, duplicate or rejected"),
                    @ApiResponse(responseCode = "400", description = "Nothing usable (every item rejected), malformed JSON or CSV, or atomic=true with a rejected item",
                            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = Examples.PROBLEM))),
                    @ApiResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "403", description = "Another site's activity with a ki token, or a viewer token", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "409", description = "Every item reuses an id with other content", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "413", description = "More than 1,000 activities or 5 MB", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "415", description = "Not JSON, NDJSON or CSV", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "429", description = "Rate exceeded; see Retry-After", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "503", description = "Kafka or the store did not confirm within 10 s; nothing accepted; see Retry-After",
                            content = @Content(mediaType = PROBLEM))})
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, BodyParser.NDJSON, BodyParser.CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ki', 'laki')")
    ResponseEntity<IntakeSummary> report(HttpServletRequest request, @Parameter(hidden = true) Caller caller,
            @Parameter(description = "All or nothing: any rejected item rejects the request")
            @RequestParam(defaultValue = "false") boolean atomic,
            @Parameter(description = "Validate and check for duplicates only; publish nothing (answers 200)")
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        IntakeBody body = parser.parse(readBody(request), format(type), type.getParameter("charset"));
        IntakeSummary summary = intake.report(caller, body, atomic, dryRun);
        Locale language = ProblemTexts.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()).varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(summary.in(language));
    }

    @Operation(summary = "Retract an activity", description = """
            Publishes nrw.ki.activity.retracted.v1, which repeats the site, date, codes and counts of the \
            report, so every consumer subtracts exactly what the report added: how a KI corrects a wrong \
            number (retract, then report the right one with a new id). The reporting site's token or laki. \
            A second retraction of the same activity is a duplicate and publishes nothing.""",
            responses = {
                    @ApiResponse(responseCode = "202", description = "Retracted; the event is on ki.activities.v1"),
                    @ApiResponse(responseCode = "200", description = "Retracted before; nothing published"),
                    @ApiResponse(responseCode = "403", description = "A viewer token", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "404", description = "No such activity of the token's site (another site's id answers the same)", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "409", description = "The report was never confirmed", content = @Content(mediaType = PROBLEM)),
                    @ApiResponse(responseCode = "503", description = "Kafka or the store did not confirm; see Retry-After", content = @Content(mediaType = PROBLEM))})
    @PostMapping(path = "/{id}/retraction", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ki', 'laki')")
    ResponseEntity<RetractionResult> retract(@PathVariable("id") String id, @Parameter(hidden = true) Caller caller,
            @Valid @RequestBody(required = false) RetractionRequest request) {
        UUID activityId = activityId(id);
        RetractionResult result = retractions.retract(caller, activityId, request == null ? null : request.reason());
        return ResponseEntity.status(result.status() == RetractionResult.Status.RETRACTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(result);
    }

    /** Reads at most the allowed size, so a huge body costs a bounded amount of memory. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // read into one array of the declared size: reading up to the limit grows and copies chunks, which
                // allocated six times the body per request
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static ApiProblemException tooLarge(long limit) {
        return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit / (1024 * 1024)
                + " MB; send at most 1,000 activities and " + limit / (1024 * 1024) + " MB per request.", List.of());
    }

    private static IntakeBody.Format format(MediaType type) {
        if (type.isCompatibleWith(MediaType.parseMediaType(BodyParser.CSV))) {
            return IntakeBody.Format.CSV;
        }
        if (type.isCompatibleWith(MediaType.parseMediaType(BodyParser.NDJSON))) {
            return IntakeBody.Format.NDJSON;
        }
        return IntakeBody.Format.JSON;
    }

    private static UUID activityId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblemException.badRequest("'" + id + "' is not an activity id.",
                List.of(ProblemError.at("/id", "'" + id + "' is not a UUID")));
    }
}
