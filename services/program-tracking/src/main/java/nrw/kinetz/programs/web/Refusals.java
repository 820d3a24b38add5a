package nrw.kinetz.programs.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.RuleViolation;

/**
 * The domain's refusals as problems: a broken rule about the input is a bad request (400) pointing at the
 * field, a clash with the current state a conflict (409).
 */
public final class Refusals {

    private Refusals() {
    }

    public static <T> T decide(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (RuleViolation e) {
            throw ApiProblemException.badRequest(e.getMessage(),
                    List.of(ProblemError.at(e.path().isEmpty() ? "" : "/" + e.path(), e.getMessage())));
        } catch (Conflict e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, e.getMessage(), List.of(ProblemError.of(e.getMessage())));
        }
    }
}
