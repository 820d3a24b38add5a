package nrw.kinetz.reporting.program.adapter;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.program.ProgramFigures;
import nrw.kinetz.reporting.program.ProgramsMeasure;

/**
 * The cells of {@code measure=programs} whose figures changed since they were last fed, as changes for the feed,
 * the live stream and {@code laki.aggregates.v1}: one aggregate per site, budget year, programme and block
 * ({@code programs/05974/2026/KOMM_AN_II/A}, {@code NONE} for a grant of the programme as a whole), its period the
 * budget year, its coordinates by the measure's {@code groupBy} names, counts as whole numbers and money as exact
 * decimals. Because of the decimals it goes to the topic as version 2 of the aggregate event.
 */
public final class ProgramChanges implements ChangeSource {

    public static final String ORIGIN = "programs";
    private static final String KEY_PREFIX = ProgramsMeasure.NAME + "/";

    private final ProgramFigures figures;
    private final ProgramsMeasure measure;

    public ProgramChanges(ProgramFigures figures, ProgramsMeasure measure) {
        this.figures = figures;
        this.measure = measure;
    }

    @Override
    public List<Change> pending(int limit) {
        return figures.marked(null, limit).stream().map(this::change).toList();
    }

    @Override
    public List<Change> pending(Collection<String> keys) {
        List<String> mine = keys.stream().filter(k -> k.startsWith(KEY_PREFIX)).toList();
        return mine.isEmpty() ? List.of() : figures.marked(mine, mine.size()).stream().map(this::change).toList();
    }

    /** Counts the marks without computing the cells' values, which costs three queries a cell. */
    @Override
    public long pendingCount() {
        return figures.marked(null, Integer.MAX_VALUE).size();
    }

    @Override
    public void fed(List<Change> changes) {
        changes.forEach(change -> figures.fed(change.key(), change.revision()));
    }

    @Override
    public boolean owns(Change change) {
        return ProgramsMeasure.NAME.equals(change.measure());
    }

    private Change change(ProgramFigures.CellMark cell) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("site", cell.siteId());
        dimensions.put("regierungsbezirk", SiteId.of(cell.siteId()).regierungsbezirk().code());
        dimensions.put("program", cell.program());
        if (cell.block() != null) {
            dimensions.put("block", cell.block());
        }
        dimensions.put("budgetYear", Integer.toString(cell.budgetYear()));
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        measure.cell(cell.siteId(), cell.program(), cell.block(), cell.budgetYear()).forEach((metric, value) -> {
            if (value instanceof CellValue.Count count) {
                counts.put(metric, count.value());
            } else if (value instanceof CellValue.Amount amount) {
                decimals.put(metric, amount.value());
            }
        });
        return new Change(ORIGIN, cell.key(), cell.revision(), ProgramsMeasure.NAME,
                Period.parse(Integer.toString(cell.budgetYear())), dimensions, counts, decimals);
    }
}
