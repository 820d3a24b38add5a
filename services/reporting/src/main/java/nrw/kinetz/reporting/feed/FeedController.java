package nrw.kinetz.reporting.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;

/** {@code GET /api/v1/feed}: every aggregate change since a cursor, for systems that pull incrementally (docs/architecture.md#reading-api). */
@RestController
class FeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Feed feed;
    private final Map<String, List<Metric>> metrics = new HashMap<>();

    FeedController(Feed feed, List<Measure> measures) {
        this.feed = feed;
        measures.forEach(measure -> metrics.put(measure.name(), measure.metrics()));
    }

    @GetMapping(path = "/api/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Aggregate changes after a cursor, oldest first, with the cursor to continue from",
            description = "Public. Each change carries the aggregate's whole current value; people counts from 1 to 4 are "
                    + "{\"suppressed\":true} for every caller but the laki role. The cursor is opaque, the same as the id "
                    + "of the events of /api/v1/live, and valid on every instance. A Link header (rel=next) names the "
                    + "next page. Bad parameters give 400 problem+json with pointer /after or /limit.")
    ResponseEntity<FeedPage> feed(
            @Parameter(description = "cursor of the last change seen; absent or 0 for the beginning")
            @RequestParam(required = false) String after,
            @Parameter(description = "at most this many changes, 1 to 1000, default 100")
            @RequestParam(required = false) String limit,
            Caller caller) {
        List<ProblemError> problems = new ArrayList<>();
        long from = parseAfter(after, problems);
        int size = parseLimit(limit, problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.badRequest("The query is not valid: " + problems.size() + " problem(s).", problems);
        }
        List<ChangeView> changes = feed.after(from, size).stream()
                .map(entry -> ChangeView.of(entry, metrics.getOrDefault(entry.measure(), List.of()), caller.seesExactNumbers()))
                .toList();
        String next = changes.isEmpty() ? FeedCursor.format(from) : changes.get(changes.size() - 1).cursor();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "</api/v1/feed?after=" + next + "&limit=" + size + ">; rel=\"next\"")
                .body(new FeedPage(changes, next));
    }

    private static long parseAfter(String after, List<ProblemError> problems) {
        if (after == null || after.isBlank()) {
            return FeedCursor.START;
        }
        try {
            return FeedCursor.parse(after);
        } catch (IllegalArgumentException e) {
            problems.add(ProblemError.at("/after", e.getMessage()));
            return FeedCursor.START;
        }
    }

    private static int parseLimit(String limit, List<ProblemError> problems) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        problems.add(ProblemError.at("/limit", "'" + limit + "' is not a limit: expected a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
