package nrw.kinetz.programs.measure.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.MeasureCompleted;
import nrw.kinetz.model.program.MeasureStarted;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.Fact;
import nrw.kinetz.programs.domain.RuleViolation;

/**
 * A site's measure under a programme, known by the site's own reference (e.g. {@code KA2-2025-017}, the id the
 * activity CSV template carries), with a target per indicator. Activities that name it advance its indicators.
 *
 * @param completedOn null while the measure runs
 */
public record Measure(SiteId siteId, String measureId, Program program, Program.Block block, String title,
        LocalDate startsOn, LocalDate endsOn, Map<Indicator, Long> targets, LocalDate completedOn) {

    /** What a site's own measure reference may look like: letters, digits and {@code - _ . /}, at most 64. */
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    public Measure {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(program, "program");
        targets = targets.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(targets));
    }

    public record Outcome(Measure measure, List<Fact<?>> facts) {

        public Outcome {
            facts = List.copyOf(facts);
        }
    }

    /**
     * @param block the block code as sent, null or blank for none
     * @throws RuleViolation for a block the programme does not have, dates outside the programme's years or in the
     *                       wrong order, or a target for an indicator the programme (block) does not report
     */
    public static Outcome start(SiteId siteId, String measureId, Program program, String block, String title,
            LocalDate startsOn, LocalDate endsOn, Map<Indicator, Long> targets, LocalDate today) {
        if (!REFERENCE.matcher(measureId).matches()) {
            throw new RuleViolation("measureId", "'" + measureId + "' is not a measure reference: letters, digits and"
                    + " - _ . / only, at most 64 characters, e.g. KA2-2025-017");
        }
        Program.Block parsed;
        try {
            parsed = program.parseBlock(block).orElse(null);
            ProgramCatalogue.terms(program).checkBudgetYear(startsOn.getYear(), today.getYear());
        } catch (InvalidValueException e) {
            throw new RuleViolation(e.getMessage().startsWith("budget year") ? "startsOn" : "block", e.getMessage());
        }
        if (endsOn.isBefore(startsOn)) {
            throw new RuleViolation("endsOn", "ends on " + endsOn + ", before it starts on " + startsOn);
        }
        List<Indicator> reported = ProgramCatalogue.terms(program).indicators(parsed, startsOn.getYear());
        for (Map.Entry<Indicator, Long> target : targets.entrySet()) {
            if (!reported.contains(target.getKey())) {
                throw new RuleViolation("targets/" + target.getKey().name(), program.name()
                        + (parsed == null ? "" : " block " + parsed.name()) + " reports " + reported + ", not "
                        + target.getKey().name());
            }
            if (target.getValue() == null || target.getValue() < 0) {
                throw new RuleViolation("targets/" + target.getKey().name(), "a target is a count of 0 or more");
            }
        }
        Measure measure = new Measure(siteId, measureId, program, parsed, title, startsOn, endsOn, targets, null);
        return new Outcome(measure, List.of(new Fact<>(ProgramEventTypes.MEASURE_STARTED,
                new MeasureStarted(measureId, siteId, program, parsed, title, startsOn, endsOn, measure.targets()))));
    }

    public Outcome complete(LocalDate on, LocalDate today) {
        if (completedOn != null) {
            throw new Conflict("Measure " + measureId + " was completed on " + completedOn + " already.");
        }
        if (on.isAfter(today) || on.isBefore(startsOn)) {
            throw new RuleViolation("completedOn", on + " must lie between the start " + startsOn + " and today " + today);
        }
        Measure completed = new Measure(siteId, measureId, program, block, title, startsOn, endsOn, targets, on);
        return new Outcome(completed, List.of(new Fact<>(ProgramEventTypes.MEASURE_COMPLETED,
                new MeasureCompleted(measureId, siteId, program, block, on))));
    }
}
