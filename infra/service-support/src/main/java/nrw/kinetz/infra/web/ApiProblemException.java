package nrw.kinetz.infra.web;

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
