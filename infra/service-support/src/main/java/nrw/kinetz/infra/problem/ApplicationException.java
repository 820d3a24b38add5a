package nrw.kinetz.infra.problem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.infra.web.ProblemError;

/**
 * A request the application refuses: thrown by application services (never HTTP types there), rendered as
 * RFC 9457 problem+json in one place, service-support's problem details advice, which maps the {@link Kind}
 * to the HTTP status.
 *
 * <p>Every problem has a stable {@link #code()} (e.g. {@code site.registered-already}) and the values its
 * detail names ({@link #arguments()}), so that a translation can be looked up as the message
 * {@code problemDetail.<code>} with those arguments; the English {@link #getMessage() detail} is the default.
 *
 * <pre>{@code
 * throw ApplicationException.of(Kind.CONFLICT, "site.registered-already",
 *         "Site " + siteId + " is registered already.", siteId)
 *     .withErrors(List.of(ProblemError.at("/siteId", "registered already")));
 * }</pre>
 */
public class ApplicationException extends RuntimeException {

    /** What kind of refusal; each has one HTTP status. */
    public enum Kind {
        /** 400: the request breaks a rule; nothing was changed. */
        INVALID(400),
        /** 403: the caller may not do this. */
        FORBIDDEN(403),
        /** 404: the thing addressed does not exist. */
        NOT_FOUND(404),
        /** 409: the request contradicts the current state. */
        CONFLICT(409),
        /** 412: the caller's version is stale; {@link #currentVersion()} names the current one. */
        PRECONDITION_FAILED(412),
        /** 413: the request is larger than the service accepts. */
        TOO_LARGE(413),
        /** 428: the request must name the version it changes. */
        PRECONDITION_REQUIRED(428),
        /** 500: a store or the broker refused for a reason that sending the same request again will not change. */
        FAULT(500),
        /** 503: a store or the broker did not confirm; send the same request again after {@link #retryAfter()}. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** @return the HTTP status this kind is answered with */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final List<Object> arguments;
    private final List<ProblemError> errors;
    private final String currentVersion;
    private final Duration retryAfter;
    private final String title;

    private ApplicationException(Kind kind, String code, String detail, List<Object> arguments, List<ProblemError> errors,
            String currentVersion, Duration retryAfter, String title, Throwable cause) {
        super(detail, cause);
        this.title = title;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = List.copyOf(arguments);
        this.errors = List.copyOf(errors);
        this.currentVersion = currentVersion;
        this.retryAfter = retryAfter;
    }

    /**
     * @param code      stable, dotted, e.g. {@code activity.unknown}; the same refusal always has the same code
     * @param detail    the English explanation for the caller
     * @param arguments the values the detail names, in order, for a translated message
     */
    public static ApplicationException of(Kind kind, String code, String detail, Object... arguments) {
        return new ApplicationException(kind, code, detail, List.of(arguments), List.of(), null, null, null, null);
    }

    /** @return a copy with these entries for the problem's {@code errors} array (one per problem found) */
    public ApplicationException withErrors(List<ProblemError> errors) {
        return new ApplicationException(kind, code, getMessage(), arguments, errors, currentVersion, retryAfter, title, getCause());
    }

    /** @return a copy naming the current version (sent as {@code ETag}), for {@link Kind#PRECONDITION_FAILED} */
    public ApplicationException withCurrentVersion(String etag) {
        return new ApplicationException(kind, code, getMessage(), arguments, errors, etag, retryAfter, title, getCause());
    }

    /** @return a copy saying when to try again (sent as {@code Retry-After}), for {@link Kind#UNAVAILABLE} */
    public ApplicationException withRetryAfter(Duration delay) {
        return new ApplicationException(kind, code, getMessage(), arguments, errors, currentVersion, delay, title, getCause());
    }

    /** @return a copy that keeps the failure it reports */
    public ApplicationException withCause(Throwable cause) {
        return new ApplicationException(kind, code, getMessage(), arguments, errors, currentVersion, retryAfter, title, cause);
    }

    /** @return a copy with its own title instead of the status's reason phrase, e.g. {@code Store fault} */
    public ApplicationException withTitle(String title) {
        return new ApplicationException(kind, code, getMessage(), arguments, errors, currentVersion, retryAfter, title,
                getCause());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** @return the entries of the {@code errors} array; empty means one entry with the detail */
    public List<ProblemError> errors() {
        return errors;
    }

    public Optional<String> currentVersion() {
        return Optional.ofNullable(currentVersion);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the title, when it is not the status's reason phrase */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }
}
