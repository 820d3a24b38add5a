package nrw.kinetz.sites.site.domain;

import java.io.Serial;

/**
 * A command breaks a rule of the site (a date in the future, a step dated before the previous one, a post
 * without the programme that funds it). The message is written for the person who sent the command.
 */
public class SiteRuleViolation extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The offending part of the command as a path of field names and indexes, e.g. {@code posts/2/program}. */
    private final String path;

    public SiteRuleViolation(String path, String message) {
        super(message);
        this.path = path;
    }

    /** @return where in the command the problem is, e.g. {@code effectiveOn} or {@code posts/2/title} */
    public String path() {
        return path;
    }
}
