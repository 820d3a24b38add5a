package nrw.kinetz.model.site;

import java.util.List;
import java.util.Objects;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * What a site works on was set ({@code nrw.ki.site.focus-areas-changed.v1} on {@code ki.sites.v1}, subject and
 * key = site id): its focus areas and the programmes it takes part in. Carries the complete new value.
 *
 * @param siteId     the site
 * @param focusAreas every focus area of the site in code-list order; the Handlungsfeld of each is
 *                   {@link FocusArea#field()}; empty if none is set
 * @param programs   every programme the site takes part in, in code-list order; empty if none
 */
public record FocusAreasChanged(SiteId siteId, List<FocusArea> focusAreas, List<Program> programs) {

    public FocusAreasChanged {
        Objects.requireNonNull(siteId, "siteId");
        focusAreas = List.copyOf(focusAreas);
        programs = List.copyOf(programs);
    }
}
