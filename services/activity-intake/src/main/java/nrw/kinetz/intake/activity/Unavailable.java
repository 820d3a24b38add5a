package nrw.kinetz.intake.activity;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;

/** The 503 of the intake: Kafka or the store did not confirm in time, so nothing may be acknowledged. */
final class Unavailable {

    private Unavailable() {
    }

    static ApiProblemException problem(String detail, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                detail + " Nothing was accepted; send the same request again after the Retry-After delay — ids that"
                        + " reached Kafka are not counted twice.",
                List.of(ProblemError.of(detail)), headers);
    }
}
