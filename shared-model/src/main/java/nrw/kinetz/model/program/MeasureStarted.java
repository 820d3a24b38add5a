package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI started a measure under a programme, with its targets
 * ({@code nrw.ki.program.measure-started.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param measureId the site's own reference of the measure, e.g. KA2-2025-017; unique per site
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent otherwise
 * @param title the measure's title
 * @param startsOn first day
 * @param endsOn last day
 * @param targets the target per indicator
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureStarted(String measureId, SiteId siteId, Program program, Program.Block block, String title,
        LocalDate startsOn, LocalDate endsOn, Map<Indicator, Long> targets) {

    public MeasureStarted {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(targets, "targets");
        targets = Collections.unmodifiableMap(targets.isEmpty() ? new EnumMap<>(Indicator.class) : new EnumMap<>(targets));
    }
}
