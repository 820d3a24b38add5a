package nrw.kinetz.reporting.live.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.ReportingProperties;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.feed.FeedCursor;
import nrw.kinetz.reporting.live.Frame;
import nrw.kinetz.reporting.live.LiveFilter;
import nrw.kinetz.reporting.live.LiveStreams;
import nrw.kinetz.reporting.live.Sink;
import nrw.kinetz.reporting.live.Subscriber;
import nrw.kinetz.reporting.live.TooManyStreamsException;

/**
 * {@code GET /api/v1/live}: aggregate changes as Server-Sent Events (docs/architecture.md#reading-api). Public like every GET; a
 * laki bearer token gives exact numbers. The stream is an asynchronous request: the caller is resolved once,
 * on the request thread, and the shared security configuration lets the async dispatch at the stream's end
 * through (GET is public, the security context is kept in the request).
 */
@RestController
public class LiveController {

    private final LiveStreams streams;
    private final ActivitiesMeasure activities;
    private final Duration timeout;

    public LiveController(LiveStreams streams, ActivitiesMeasure activities, ReportingProperties properties) {
        this.streams = streams;
        this.activities = activities;
        this.timeout = properties.live().timeout();
    }

    @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Aggregate changes as Server-Sent Events, resumable",
            description = "Without groupBy: event 'aggregate' per changed aggregate (the shape of a feed change). With "
                    + "groupBy: event 'report' with the whole table a change touched (the shape of /api/v1/aggregates), for "
                    + "the given period or else the month, quarter and budget year of the change. Every event's id is the "
                    + "feed cursor; reconnecting with Last-Event-ID (or ?after=) first replays what was missed. A slow client "
                    + "gets the latest value per key. Comment lines every ~15 s keep idle streams open. People counts from 1 "
                    + "to 4 are suppressed except for the laki role. Bad parameters give 400 problem+json; more streams than "
                    + "allowed per client (token subject, or address when anonymous) or in all give 429 with Retry-After.")
    public SseEmitter live(
            @Parameter(description = "site, regierungsbezirk, field, focusArea, activityType, program") @RequestParam(required = false) String groupBy,
            @Parameter(description = "only this site's data, e.g. 05974") @RequestParam(required = false) String site,
            @Parameter(description = "only this period, YYYY-MM, YYYY-Qn or YYYY") @RequestParam(required = false) String period,
            @Parameter(description = "replay changes after this cursor first") @RequestParam(required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            Caller caller, HttpServletRequest request) throws IOException {
        List<ProblemError> problems = new ArrayList<>();
        LiveFilter filter = new LiveFilter(groupBy(groupBy, problems), site(site, problems), period(period, problems));
        // The header wins: a browser reconnecting repeats the original URL and adds the id it got last.
        Optional<Long> resumeAfter = cursor(lastEventId != null && !lastEventId.isBlank() ? lastEventId : after,
                lastEventId != null && !lastEventId.isBlank() ? "/Last-Event-ID" : "/after", problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.badRequest("The query is not valid: " + problems.size() + " problem(s).", problems);
        }
        LiveStreams.Admission admission = admit(caller.subject().orElse("address " + request.getRemoteAddr()));
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        EmitterSink sink = new EmitterSink(emitter);
        try {
            // Sent at once, so the client sees the response (and the server notices a client that is gone).
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(2000));
        } catch (IOException | RuntimeException e) {
            admission.release();
            throw e;
        }
        Subscriber subscriber = streams.subscribe(filter, caller.seesExactNumbers(), sink, resumeAfter, admission);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> subscriber.close());
        return emitter;
    }

    private LiveStreams.Admission admit(String client) {
        try {
            return streams.admit(client);
        } catch (TooManyStreamsException e) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), e.getMessage(), List.of(), headers);
        }
    }

    private Optional<Dimension> groupBy(String groupBy, List<ProblemError> problems) {
        if (groupBy == null || groupBy.isBlank()) {
            return Optional.empty();
        }
        Optional<Dimension> dimension = Dimension.fromParameter(groupBy).filter(activities.dimensions()::contains);
        if (dimension.isEmpty()) {
            problems.add(ProblemError.at("/groupBy", "'" + groupBy + "' is not a grouping of the live stream; allowed: "
                    + activities.dimensions().stream().map(Dimension::parameter).collect(Collectors.joining(", "))));
        }
        return dimension;
    }

    private static Optional<SiteId> site(String site, List<ProblemError> problems) {
        if (site == null || site.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SiteId.of(site));
        } catch (InvalidValueException e) {
            problems.add(ProblemError.at("/site", e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<Period> period(String period, List<ProblemError> problems) {
        if (period == null || period.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(period));
        } catch (InvalidValueException e) {
            problems.add(ProblemError.at("/period", e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<Long> cursor(String cursor, String pointer, List<ProblemError> problems) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FeedCursor.parse(cursor));
        } catch (IllegalArgumentException e) {
            problems.add(ProblemError.at(pointer, e.getMessage()));
            return Optional.empty();
        }
    }

    /** Writes frames to the emitter; the emitter serialises concurrent sends, the subscriber sends one at a time anyway. */
    private static final class EmitterSink implements Sink {

        private static final MediaType EVENT_STREAM_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

        private final SseEmitter emitter;

        EmitterSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        /** The frames as one piece of text/event-stream: one write and one flush for what a client had waiting. */
        @Override
        public void send(List<Frame> frames) throws IOException {
            StringBuilder stream = new StringBuilder();
            frames.forEach(frame -> frame.writeTo(stream));
            emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(stream.toString(), EVENT_STREAM_TEXT)));
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
