package nrw.kinetz.intake.activity;

import java.time.Duration;
import java.util.List;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;

/** The 503 of the intake: Kafka or the store did not confirm in time, so nothing may be acknowledged. */
final class Unavailable {

    private Unavailable() {
    }

    static ApplicationException problem(String detail, Duration retryAfter) {
        return ApplicationException.of(Kind.UNAVAILABLE, "intake.unavailable",
                detail + " Nothing was accepted; send the same request again after the Retry-After delay — ids that"
                        + " reached Kafka are not counted twice.", detail)
                .withErrors(List.of(ProblemError.of(detail))).withRetryAfter(retryAfter);
    }
}
