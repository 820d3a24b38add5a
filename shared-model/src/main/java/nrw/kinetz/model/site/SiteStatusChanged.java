package nrw.kinetz.model.site;

import java.time.LocalDate;
import java.util.Objects;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;

/**
 * A site moved to another lifecycle step ({@code nrw.ki.site.status-changed.v1} on {@code ki.sites.v1}).
 *
 * @param siteId      the site
 * @param previous    the status before the change
 * @param status      the new status (complete new value: a consumer needs no earlier state)
 * @param effectiveOn the day the step took effect (back-dating allowed, never in the future)
 */
public record SiteStatusChanged(SiteId siteId, SiteStatus previous, SiteStatus status, LocalDate effectiveOn) {

    public SiteStatusChanged {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
    }
}
