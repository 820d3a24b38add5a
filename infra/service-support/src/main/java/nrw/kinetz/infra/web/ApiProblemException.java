package nrw.kinetz.infra.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request failed for a reason the client must know; rendered as RFC 9457 problem+json with the given
 * status and errors. Thrown by controllers and domain adapters, never caught by them.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<ProblemError> errors;
    private final HttpHeaders headers;

    public ApiProblemException(HttpStatus status, String detail, List<ProblemError> errors) {
        this(status, status.getReasonPhrase(), detail, errors, HttpHeaders.EMPTY);
    }

    public ApiProblemException(HttpStatus status, String title, String detail, List<ProblemError> errors, HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = headers;
    }

    public static ApiProblemException badRequest(String detail, List<ProblemError> errors) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    public static ApiProblemException conflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, detail, List.of());
    }

    /**
     * 429 with {@code Retry-After} in whole seconds (at least 1, rounded up, so a client that waits as told is let
     * in); the detail is {@code reason} followed by the same wait.
     */
    public static ApiProblemException tooManyRequests(Duration retryAfter, String reason) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        String detail = reason + " Retry after " + seconds + " s.";
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), detail,
                List.of(ProblemError.of(detail)), headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
