package nrw.kinetz.programs.web;

import java.util.List;
import java.util.function.Supplier;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.RuleViolation;

/**
 * The domain's refusals as application problems: a broken rule about the input is {@link Kind#INVALID} (400)
 * pointing at the field, a clash with the current state {@link Kind#CONFLICT} (409). Their codes are
 * {@code <feature>.rule-broken} and {@code <feature>.not-allowed}, e.g. {@code grant.not-allowed}.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param feature the first part of the problem's code, e.g. {@code grant} */
    public static <T> T decide(String feature, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (RuleViolation e) {
            throw ApplicationException.of(Kind.INVALID, feature + ".rule-broken", e.getMessage())
                    .withErrors(List.of(ProblemError.at(e.path().isEmpty() ? "" : "/" + e.path(), e.getMessage())));
        } catch (Conflict e) {
            throw ApplicationException.of(Kind.CONFLICT, feature + ".not-allowed", e.getMessage());
        }
    }
}
