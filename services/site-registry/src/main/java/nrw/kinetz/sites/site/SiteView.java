package nrw.kinetz.sites.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.StaffPost;
import nrw.kinetz.sites.site.domain.LifecycleStep;
import nrw.kinetz.sites.site.domain.Site;

/**
 * A site as the API shows it.
 *
 * @param status     the current lifecycle status, the last entry of {@code lifecycle}
 * @param lifecycle  every step with its date, oldest first
 * @param focusAreas the focus areas per Handlungsfeld, both fields always present
 * @param contact    null until someone has set it
 * @param version    the version the {@code ETag} names; send it back in {@code If-Match} to change the site
 */
record SiteView(SiteId siteId, String name, TerritoryKind territoryKind, Regierungsbezirk regierungsbezirk,
        DistrictKey districtKey, long population, SiteStatus status, LocalDate statusSince, List<LifecycleStep> lifecycle,
        Staffing staffing, Map<Field, List<FocusArea>> focusAreas, List<Program> programs, Contact contact, long version) {

    /** @param totalFte the sum of the posts' full-time equivalents */
    record Staffing(BigDecimal totalFte, List<StaffPost> posts) {
    }

    static SiteView of(StoredSite stored) {
        Site site = stored.site();
        return new SiteView(site.identity().siteId(), site.identity().name(), site.identity().territoryKind(),
                site.identity().regierungsbezirk(), site.identity().districtKey(), site.identity().population(),
                site.status(), site.lifecycle().currentSince(), site.lifecycle().steps(),
                new Staffing(site.staffing().totalFte(), site.staffing().posts()), site.focus().byField(),
                site.focus().programs(), site.contact().orElse(null), stored.version());
    }
}
