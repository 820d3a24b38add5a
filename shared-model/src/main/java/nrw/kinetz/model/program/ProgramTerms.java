package nrw.kinetz.model.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;

/**
 * What the platform knows about one programme beyond its code: the budget years it ran or runs, when the
 * Verwendungsnachweis for a budget year is due, and the indicators its measures report, per block and
 * versioned by the budget year from which a set applies.
 *
 * @param program            the programme
 * @param firstYear          the first budget year
 * @param lastYear           the last budget year, empty while the programme runs
 * @param proofOfUseDueMonths months after the end of the budget year the proof of use is due
 * @param indicatorSets      indicator sets, each valid from its {@link IndicatorSet#fromYear()} until the next
 */
public record ProgramTerms(Program program, int firstYear, OptionalInt lastYear, int proofOfUseDueMonths,
        List<IndicatorSet> indicatorSets) {

    /**
     * The indicators of one block (or of the whole programme, {@code block} null) from a budget year on.
     *
     * @param block      the block, null for programmes without blocks
     * @param fromYear   the first budget year this set applies to
     * @param indicators in the order they are shown
     */
    public record IndicatorSet(Program.Block block, int fromYear, List<Indicator> indicators) {

        public IndicatorSet {
            indicators = List.copyOf(indicators);
        }
    }

    public ProgramTerms {
        Objects.requireNonNull(program, "program");
        indicatorSets = List.copyOf(indicatorSets);
    }

    /** @return the last budget year a grant may be applied for: the last year, or next year while it runs */
    public int lastOpenYear(int currentYear) {
        return lastYear.orElse(currentYear + 1);
    }

    /** @throws InvalidValueException if the programme did not or does not run in {@code budgetYear} */
    public void checkBudgetYear(int budgetYear, int currentYear) {
        int last = lastOpenYear(currentYear);
        if (budgetYear < firstYear || budgetYear > last) {
            throw new InvalidValueException("budget year " + budgetYear + " lies outside " + program.name() + " ("
                    + firstYear + "–" + (lastYear.isPresent() ? lastYear.getAsInt() : "today, open up to " + last) + ")",
                    Integer.toString(budgetYear));
        }
    }

    /** The indicators that apply to {@code block} (null: the programme as a whole) in {@code budgetYear}. */
    public List<Indicator> indicators(Program.Block block, int budgetYear) {
        return indicatorSets.stream()
                .filter(set -> Objects.equals(set.block(), block) && set.fromYear() <= budgetYear)
                .max(Comparator.comparingInt(IndicatorSet::fromYear))
                .map(IndicatorSet::indicators)
                .orElseGet(() -> block == null ? List.of() : indicators(null, budgetYear));
    }

    /** Every indicator any block of the programme reports in {@code budgetYear}, each once, in catalogue order. */
    public List<Indicator> allIndicators(int budgetYear) {
        List<Indicator> all = new ArrayList<>();
        List<Program.Block> blocks = new ArrayList<>();
        blocks.add(null);
        program.blocks().forEach(code -> blocks.add(Program.Block.valueOf(code)));
        for (Program.Block block : blocks) {
            for (Indicator indicator : indicators(block, budgetYear)) {
                if (!all.contains(indicator)) {
                    all.add(indicator);
                }
            }
        }
        return all;
    }

}
