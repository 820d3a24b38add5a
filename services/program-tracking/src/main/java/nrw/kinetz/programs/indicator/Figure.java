package nrw.kinetz.programs.indicator;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.program.Indicator;

/**
 * One indicator's actual value (and target) for a site, programme and budget year, per block and measure.
 *
 * @param measureId    the measure, null for the programme's activities that match no measure of the site
 * @param measureTitle the measure's title, null without a measure
 * @param target       the measure's target, null where none was set
 */
public record Figure(Program.Block block, String measureId, String measureTitle, Indicator indicator, long actual,
        Long target) {
}
