package nrw.kinetz.programs.web;

import java.util.List;


import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;

/**
 * The optimistic-concurrency rule of every decision (RFC 9110 §13.1.1, RFC 6585 §3): it must name the version
 * it was taken against in {@code If-Match}; without it the answer is 428, against an older version 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * @param what    what is changed, for the messages, e.g. "grant 3f…" with the path to read it
     * @param version the current version, whose ETag is {@code "<version>"}
     */
    public static void require(String header, long version, String what) {
        String etag = "\"" + version + "\"";
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            throw ApplicationException.of(Kind.PRECONDITION_REQUIRED, "if-match.missing",
                    "A decision needs an If-Match header with the ETag of the " + what
                            + " as you read it, so that it cannot overrule a change you have not seen.", what)
                    .withErrors(List.of(ProblemError.of("If-Match header missing or *")));
        }
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals(etag) || candidate.equals(Long.toString(version))) {
                return;
            }
        }
        throw stale(what, etag);
    }

    /** 412 with the current ETag: the thing changed since the caller read it, or while the change was applied. */
    public static ApplicationException stale(String what, String currentEtag) {
        return ApplicationException.of(Kind.PRECONDITION_FAILED, "if-match.stale",
                "The " + what + " has changed since you read it; the current ETag is " + currentEtag
                        + ". Read it again and reapply your change.", what, currentEtag)
                .withCurrentVersion(currentEtag).withErrors(List.of(ProblemError.of("stale If-Match")));
    }
}
