package nrw.kinetz.model.program;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * An activity (or its retraction) changed indicators of a programme; carries the change, not the total. ce_id is derived from the activity's event, so a replay repeats the same ids
 * ({@code nrw.ki.program.indicator-progressed.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block, absent where none applies
 * @param budgetYear the budget year the activity falls in
 * @param measureId the measure the activity counts for, absent for activities without a matching measure
 * @param activityId the activity
 * @param retraction true if the activity was retracted: the changes are negative
 * @param changes the change per indicator, negative for a retraction
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorProgressed(SiteId siteId, Program program, Program.Block block, int budgetYear,
        String measureId, UUID activityId, boolean retraction, Map<Indicator, Long> changes) {

    public IndicatorProgressed {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(changes, "changes");
        changes = Collections.unmodifiableMap(changes.isEmpty() ? new EnumMap<>(Indicator.class) : new EnumMap<>(changes));
    }
}
