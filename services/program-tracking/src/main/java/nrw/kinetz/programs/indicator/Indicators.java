package nrw.kinetz.programs.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.programs.measure.MeasureStore;
import nrw.kinetz.programs.measure.MeasureStore.StoredMeasure;
import nrw.kinetz.programs.measure.domain.Measure;

/**
 * Indicator actuals from the contributions, matched against the site's measures when read: an activity naming a
 * measure of the site (under the same programme) counts for that measure; one naming a measure the site does not
 * have still counts for its programme and is listed among the site's unmatched activities.
 */
@Component
public class Indicators {

    private final ContributionStore contributions;
    private final MeasureStore measures;

    Indicators(ContributionStore contributions, MeasureStore measures) {
        this.contributions = contributions;
        this.measures = measures;
    }

    /** The current figures of a site's programme in a budget year. */
    public List<Figure> of(SiteId siteId, Program program, int budgetYear) {
        return figures(siteId, program, budgetYear, Contribution::counts);
    }

    /** The figures as they were at {@code cutoff} (epoch ms): what a report submitted then shows. */
    public List<Figure> asOf(SiteId siteId, Program program, int budgetYear, long cutoff) {
        return figures(siteId, program, budgetYear, c -> c.countsAt(cutoff));
    }

    /** Activities of the site that name a measure it does not have under their programme, newest first. */
    public List<Contribution> unmatched(SiteId siteId) {
        Map<String, Measure> byId = byId(siteId);
        return contributions.withMeasure(siteId).stream().filter(c -> matched(c, byId) == null)
                .sorted(Comparator.comparing(Contribution::occurredOn).reversed()).toList();
    }

    private List<Figure> figures(SiteId siteId, Program program, int budgetYear, Predicate<Contribution> counts) {
        Map<String, Measure> byId = byId(siteId);
        record Cell(Program.Block block, String measureId) {
        }
        Map<Cell, long[]> sums = new LinkedHashMap<>();
        for (Measure measure : byId.values()) {
            if (measure.program() == program && measure.startsOn().getYear() <= budgetYear
                    && measure.endsOn().getYear() >= budgetYear) {
                sums.put(new Cell(measure.block(), measure.measureId()), new long[5]);
            }
        }
        for (Contribution c : contributions.of(siteId, budgetYear)) {
            Measure measure = matched(c, byId);
            Program counted = c.program() != null ? c.program() : measure == null ? null : measure.program();
            if (counted != program || !counts.test(c)) {
                continue;
            }
            Program.Block block = c.block() != null ? c.block() : measure == null ? null : measure.block();
            long[] sum = sums.computeIfAbsent(new Cell(block, measure == null ? null : measure.measureId()), k -> new long[5]);
            ActivityMetrics m = c.metrics();
            sum[0] += 1;
            sum[1] += m.participants();
            sum[2] += m.volunteers();
            sum[3] += m.sessions();
            sum[4] += m.hours();
        }
        List<Figure> figures = new ArrayList<>();
        sums.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Cell, long[]> e) -> e.getKey().block() == null ? "" : e.getKey().block().name())
                        .thenComparing(e -> e.getKey().measureId() == null ? "~" : e.getKey().measureId()))
                .forEach(e -> {
                    Measure measure = e.getKey().measureId() == null ? null : byId.get(e.getKey().measureId());
                    for (Indicator indicator : ProgramCatalogue.terms(program).indicators(e.getKey().block(), budgetYear)) {
                        figures.add(new Figure(e.getKey().block(), e.getKey().measureId(),
                                measure == null ? null : measure.title(), indicator, value(indicator, e.getValue()),
                                measure == null ? null : measure.targets().get(indicator)));
                    }
                });
        return figures;
    }

    private static long value(Indicator indicator, long[] sum) {
        return switch (indicator.source()) {
            case ACTIVITIES -> sum[0];
            case PARTICIPANTS -> sum[1];
            case VOLUNTEERS -> sum[2];
            case SESSIONS -> sum[3];
            case HOURS -> sum[4];
        };
    }

    private Map<String, Measure> byId(SiteId siteId) {
        Map<String, Measure> byId = new HashMap<>();
        for (StoredMeasure stored : measures.of(siteId, null)) {
            byId.put(stored.measure().measureId(), stored.measure());
        }
        return byId;
    }

    /** The measure the contribution counts for, or null: the site has no such measure under its programme. */
    private static Measure matched(Contribution c, Map<String, Measure> byId) {
        if (c.measureId() == null) {
            return null;
        }
        Measure measure = byId.get(c.measureId());
        if (measure == null || (c.program() != null && !Objects.equals(measure.program(), c.program()))) {
            return null;
        }
        return measure;
    }
}
