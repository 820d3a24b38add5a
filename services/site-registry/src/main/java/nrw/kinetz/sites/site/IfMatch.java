package nrw.kinetz.sites.site;

import java.util.List;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.ProblemError;

/**
 * The optimistic-concurrency rule of every change (RFC 9110 §13.1.1, RFC 6585 §3): a change must name the
 * version it was made against in {@code If-Match}; without it the answer is 428, against an older version 412.
 */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * @param header the {@code If-Match} header as received, may be null
     * @throws ApplicationException 428 without a usable header, 412 if no tag in it is the current one
     */
    static void require(String header, StoredSite current) {
        if (header == null || header.isBlank()) {
            throw ApplicationException.of(Kind.PRECONDITION_REQUIRED, "site.if-match-missing",
                    "A change needs an If-Match header with the ETag of the site as you read it (GET /api/v1/sites/"
                            + current.site().identity().siteId() + "), so that it cannot overwrite a change you have not seen.",
                    current.site().identity().siteId()).withErrors(List.of(ProblemError.of("If-Match header missing")));
        }
        if (header.strip().equals("*")) {
            throw ApplicationException.of(Kind.PRECONDITION_REQUIRED, "site.if-match-any",
                    "If-Match: * matches every version and so does not protect against lost updates; send the site's ETag.")
                    .withErrors(List.of(ProblemError.of("If-Match: * is not accepted")));
        }
        for (String tag : header.split(",")) {
            // Strong comparison, as If-Match requires: a weak tag never matches. A bare number is accepted
            // because people type it that way in curl.
            String candidate = tag.strip();
            if (candidate.equals(current.etag()) || candidate.equals(Long.toString(current.version()))) {
                return;
            }
        }
        throw ApplicationException.of(Kind.PRECONDITION_FAILED, "site.if-match-stale",
                "The site has changed since you read it: If-Match was " + header.strip() + ", the current ETag is "
                        + current.etag() + ". Read the site again and reapply your change.", header.strip(), current.etag())
                .withErrors(List.of(ProblemError.of("stale If-Match " + header.strip()))).withCurrentVersion(current.etag());
    }
}
