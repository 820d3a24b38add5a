package nrw.kinetz.intake.activity;

import java.time.Duration;
import java.util.List;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;

/**
 * The intake's answers when Kafka or the store did not confirm in time (503: nothing may be acknowledged, the
 * same request may succeed later) or the store refused a write (500: repeating it will not help).
 */
final class Unavailable {

    private Unavailable() {
    }

    static ApplicationException store(ActivityLedger.LedgerException e, Duration retryAfter) {
        if (e instanceof ActivityLedger.LedgerFaultException) {
            String detail = "The intake's store refused the write: " + e.getMessage() + ".";
            return ApplicationException.of(Kind.FAULT, "intake.store-fault", detail + " Nothing was acknowledged."
                    + " Sending the same request again will not help until the operators have repaired the store.", detail)
                    .withErrors(List.of(ProblemError.of(detail))).withTitle("Store fault");
        }
        return problem("The intake's store did not confirm: " + e.getMessage() + ".", retryAfter);
    }

    static ApplicationException problem(String detail, Duration retryAfter) {
        return ApplicationException.of(Kind.UNAVAILABLE, "intake.unavailable",
                detail + " Nothing was accepted; send the same request again after the Retry-After delay — ids that"
                        + " reached Kafka are not counted twice.", detail)
                .withErrors(List.of(ProblemError.of(detail))).withRetryAfter(retryAfter);
    }
}
