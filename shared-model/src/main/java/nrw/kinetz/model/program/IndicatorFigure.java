package nrw.kinetz.model.program;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Program;

/**
 * One indicator's figure in a period report.
 *
 * @param block     the block (KOMM_AN_II), null for the programme as a whole
 * @param measureId the measure, null for activities that match no measure of the site
 * @param indicator the indicator
 * @param actual    the actual value when the report was submitted, ≥ 0
 * @param target    the measure's target, null where none was set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorFigure(Program.Block block, String measureId, Indicator indicator, long actual, Long target) {

    public IndicatorFigure {
        Objects.requireNonNull(indicator, "indicator");
        if (actual < 0) {
            throw new IllegalArgumentException(indicator + " actual must be ≥ 0, was " + actual);
        }
    }
}
