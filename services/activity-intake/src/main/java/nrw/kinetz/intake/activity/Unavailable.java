package nrw.kinetz.intake.activity;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;

/**
 * The 503 of the intake: Kafka or the store did not confirm in time, so nothing may be acknowledged; and the
 * 500 of a store that refused a write, which no retry of the same request can fix.
 */
final class Unavailable {

    private Unavailable() {
    }

    static ApiProblemException store(ActivityLedger.LedgerException e, Duration retryAfter) {
        if (e instanceof ActivityLedger.LedgerFaultException) {
            String detail = "The intake's store refused the write: " + e.getMessage() + ".";
            return new ApiProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "Store fault",
                    detail + " Nothing was acknowledged. Sending the same request again will not help until the"
                            + " operators have repaired the store.",
                    List.of(ProblemError.of(detail)), new HttpHeaders());
        }
        return problem("The intake's store did not confirm: " + e.getMessage() + ".", retryAfter);
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
