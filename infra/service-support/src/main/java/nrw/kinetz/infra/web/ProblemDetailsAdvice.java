package nrw.kinetz.infra.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoException;

import jakarta.validation.ConstraintViolationException;
import nrw.kinetz.infra.failure.Failures;
import nrw.kinetz.infra.kafka.EventPublicationException;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.model.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of every service as RFC 9457 {@code application/problem+json} with an {@code errors} array
 * (docs/architecture.md#http): one entry per problem, each with a JSON Pointer where one is known. The array is never
 * absent, so clients can always iterate it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";
    /** Prefix of the message code of an {@link ApplicationException}'s detail: {@code problemDetail.<code>}. */
    static final String DETAIL_CODE_PREFIX = "problemDetail.";
    static final String STORE_UNAVAILABLE = "The service's store or message broker is not reachable at the moment; try again after the Retry-After delay.";
    static final String STORE_FAULT = "The service's store refused the operation.";

    private final Duration outageRetryAfter;

    public ProblemDetailsAdvice() {
        this(Duration.ofSeconds(5));
    }

    /** @param outageRetryAfter what a caller is told to wait when the store or the broker is away */
    public ProblemDetailsAdvice(Duration outageRetryAfter) {
        this.outageRetryAfter = outageRetryAfter;
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> apiProblem(ApiProblemException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        body.setProperty(ERRORS, e.errors().isEmpty() ? List.of(ProblemError.of(e.getMessage())) : e.errors());
        return handleExceptionInternal(e, body, e.headers(), e.status(), request);
    }

    /**
     * The application's refusals. The detail is looked up as the message {@code problemDetail.<code>} with the
     * problem's arguments (a translation hooks in there) and is the exception's English detail otherwise.
     */
    @ExceptionHandler(ApplicationException.class)
    ResponseEntity<Object> applicationProblem(ApplicationException e, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        ProblemDetail body = createProblemDetail(e, status, e.getMessage(), DETAIL_CODE_PREFIX + e.code(),
                e.arguments().toArray(), request);
        e.title().ifPresent(body::setTitle);
        body.setProperty(ERRORS, e.errors().isEmpty() ? List.of(ProblemError.of(e.getMessage())) : e.errors());
        HttpHeaders headers = new HttpHeaders();
        e.currentVersion().ifPresent(headers::setETag);
        e.retryAfter().ifPresent(delay -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, delay.toSeconds()))));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /**
     * A store or broker that does not answer (in time) is an outage: 503 with {@code Retry-After}, the same request
     * may succeed later. A store that answered with a refusal is a fault: 500, repeating will not help. The driver
     * timeouts are short (kinetz.mongodb.*), so the caller hears this within seconds (docs/architecture.md#nothing-lost).
     */
    @ExceptionHandler({DataAccessException.class, MongoException.class, EventPublicationException.class})
    ResponseEntity<Object> dependencyFailure(RuntimeException e, WebRequest request) {
        if (Failures.isOutage(e)) {
            logger.warn("Answering 503: " + e.getMessage());
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, outageRetryAfter.toSeconds())));
            return handleExceptionInternal(e, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        logger.error("Answering 500: the store refused an operation", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, STORE_FAULT);
        return handleExceptionInternal(e, body, HttpHeaders.EMPTY, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        return handleExceptionInternal(e, body, HttpHeaders.EMPTY, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Object> invalidValue(InvalidValueException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        return handleExceptionInternal(e, body, HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<ProblemError> errors = e.getConstraintViolations().stream()
                .map(v -> ProblemError.at(ProblemError.pointerOf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        body.setProperty(ERRORS, errors);
        return handleExceptionInternal(e, body, HttpHeaders.EMPTY, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(ProblemError.at(ProblemError.pointerOf(fe.getField()), fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(ProblemError.at("", ge.getDefaultMessage())));
        ProblemDetail body = e.getBody();
        body.setDetail("The request body is not valid: " + errors.size() + " problem(s).");
        body.setProperty(ERRORS, errors);
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(ProblemError.at("/" + name, error.getDefaultMessage()));
            }
        });
        ProblemDetail body = e.getBody();
        body.setProperty(ERRORS, errors);
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge, request);
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not readable JSON.");
        body.setProperty(ERRORS, List.of(describe(e)));
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Guarantees the {@code errors} array on every problem, also those the base class builds (404, 405, 415, …),
     * and answers in the caller's language ({@link ProblemTexts}).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale language = ProblemTexts.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        HttpHeaders localized = new HttpHeaders();
        localized.addAll(headers);
        localized.setContentLanguage(language);
        localized.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, localized, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ERRORS)) {
                problem.setProperty(ERRORS, List.of(ProblemError.of(problem.getDetail() == null ? "" : problem.getDetail())));
            }
            translate(problem, language);
        }
        return response;
    }

    private static void translate(ProblemDetail problem, Locale language) {
        ProblemTexts texts = ProblemTexts.standard();
        problem.setTitle(texts.translate(problem.getTitle(), language));
        problem.setDetail(texts.translate(problem.getDetail(), language));
        if (problem.getProperties().get(ERRORS) instanceof List<?> errors) {
            problem.setProperty(ERRORS, errors.stream()
                    .map(error -> error instanceof ProblemError entry ? texts.translate(List.of(entry), language).get(0) : error)
                    .toList());
        }
    }

    private static ProblemError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        Throwable databind = e.getCause();
        if (databind instanceof DatabindException de && !de.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            de.getPath().forEach(ref -> pointer.append('/')
                    .append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex())));
            String detail = cause instanceof InvalidValueException ? cause.getMessage() : de.getOriginalMessage();
            return ProblemError.at(pointer.toString(), detail);
        }
        if (databind instanceof JacksonException je) {
            var location = je.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return ProblemError.of("malformed JSON" + where + ": " + je.getOriginalMessage());
        }
        return ProblemError.of(cause == null ? "missing or unreadable body" : cause.getMessage());
    }
}
