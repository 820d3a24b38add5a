package nrw.kinetz.sites.site;

import java.util.Set;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteStatus;

/**
 * Which sites a list shows. Within one criterion any value matches (status FUNDED or START_PHASE), across
 * criteria all must match; an empty set does not filter.
 */
record SiteFilter(Set<SiteStatus> statuses, Set<Regierungsbezirk> regierungsbezirke, Set<FocusArea> focusAreas,
        Set<Program> programs) {

    static final SiteFilter ALL = new SiteFilter(Set.of(), Set.of(), Set.of(), Set.of());

    SiteFilter {
        statuses = Set.copyOf(statuses);
        regierungsbezirke = Set.copyOf(regierungsbezirke);
        focusAreas = Set.copyOf(focusAreas);
        programs = Set.copyOf(programs);
    }
}
