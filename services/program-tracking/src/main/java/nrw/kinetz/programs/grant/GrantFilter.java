package nrw.kinetz.programs.grant;

import java.util.Set;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.programs.grant.domain.GrantStatus;

/** Which grants a list shows: any value within a criterion, all criteria together; empty sets do not filter. */
record GrantFilter(Set<SiteId> sites, Set<Program> programs, Set<Integer> years, Set<GrantStatus> statuses) {

    static final GrantFilter ALL = new GrantFilter(Set.of(), Set.of(), Set.of(), Set.of());

    GrantFilter {
        sites = Set.copyOf(sites);
        programs = Set.copyOf(programs);
        years = Set.copyOf(years);
        statuses = Set.copyOf(statuses);
    }
}
