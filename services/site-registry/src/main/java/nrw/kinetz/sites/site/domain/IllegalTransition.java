package nrw.kinetz.sites.site.domain;

import java.io.Serial;
import java.util.Set;
import java.util.stream.Collectors;

import nrw.kinetz.model.SiteStatus;

/** A status change the lifecycle does not allow from where the site stands. */
public class IllegalTransition extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SiteStatus from;
    private final SiteStatus to;

    public IllegalTransition(SiteStatus from, SiteStatus to) {
        super(describe(from, to));
        this.from = from;
        this.to = to;
    }

    public SiteStatus from() {
        return from;
    }

    public SiteStatus to() {
        return to;
    }

    /** @return the statuses the site could move to instead; empty for a closed site */
    public Set<SiteStatus> allowedNext() {
        return from.allowedNext();
    }

    private static String describe(SiteStatus from, SiteStatus to) {
        String allowed = from.allowedNext().isEmpty() ? "none, " + from + " is final"
                : from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
        String move = from == to ? "the site already is " + to : to + " cannot follow " + from;
        return move + "; allowed next states: " + allowed;
    }
}
