package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI completed a measure
 * ({@code nrw.ki.program.measure-completed.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param measureId the site's own reference of the measure, e.g. KA2-2025-017; unique per site
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent otherwise
 * @param completedOn the day
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureCompleted(String measureId, SiteId siteId, Program program, Program.Block block,
        LocalDate completedOn) {

    public MeasureCompleted {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(completedOn, "completedOn");
    }
}
