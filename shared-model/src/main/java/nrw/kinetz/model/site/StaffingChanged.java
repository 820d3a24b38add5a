package nrw.kinetz.model.site;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * A site's staffing plan was set ({@code nrw.ki.site.staffing-changed.v1} on {@code ki.sites.v1}, subject and
 * key = site id). Carries the complete new plan, so a consumer needs no earlier state.
 *
 * @param siteId   the site
 * @param posts    every post of the new plan, in the order the site keeps them; empty for a site without staff
 * @param totalFte the sum of {@code posts}' full-time equivalents, for consumers that only count
 */
public record StaffingChanged(SiteId siteId, List<StaffPost> posts, BigDecimal totalFte) {

    public StaffingChanged {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(totalFte, "totalFte");
        posts = List.copyOf(posts);
    }
}
