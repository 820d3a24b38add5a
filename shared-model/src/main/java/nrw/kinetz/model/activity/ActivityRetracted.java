package nrw.kinetz.model.activity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A reported activity was withdrawn ({@code nrw.ki.activity.retracted.v1} on {@code ki.activities.v1}, key
 * and subject = site id): how a KI corrects a wrong number. It repeats the site, date, codes and counts of
 * the retracted report, so a consumer reverses that report's contribution exactly without any earlier
 * state: reporting subtracts {@link #metrics()} (and one activity) from the cells the report was added to.
 *
 * <p>Its {@code ce_id} is derived from the activity id, so every retraction of one activity has the same
 * event id and is counted once. It travels on the same key, and therefore the same partition, after the
 * report it reverses.
 *
 * @param activityId   the id of the retracted {@link ActivityReported}
 * @param siteId       the report's site; the Kafka key
 * @param occurredOn   the report's day
 * @param field        the report's field of action
 * @param focusArea    the report's focus area
 * @param activityType the report's activity type
 * @param program      the report's programme, or {@code null}
 * @param block        the report's programme block, or {@code null}
 * @param measureId    the report's measure reference, or {@code null}
 * @param metrics      the report's counts: what the retraction takes away
 * @param reason       why the report was withdrawn, at most {@value ActivityReported#MAX_NOTE_LENGTH}
 *                     characters, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityRetracted(UUID activityId, SiteId siteId, LocalDate occurredOn, Field field, FocusArea focusArea,
        ActivityType activityType, Program program, Program.Block block, String measureId, ActivityMetrics metrics,
        String reason) {

    /**
     * @throws NullPointerException     if a required field is missing
     * @throws IllegalArgumentException if the codes contradict each other or the reason is too long
     */
    public ActivityRetracted {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(metrics, "metrics");
        ActivityCodes.requireConsistent(field, focusArea, program, block, measureId);
        if (reason != null && reason.length() > ActivityReported.MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("reason has " + reason.length() + " characters; at most "
                    + ActivityReported.MAX_NOTE_LENGTH);
        }
    }

    /** The retraction of {@code reported}: the same site, date, codes and counts. */
    public static ActivityRetracted of(ActivityReported reported, String reason) {
        return new ActivityRetracted(reported.activityId(), reported.siteId(), reported.occurredOn(), reported.field(),
                reported.focusArea(), reported.activityType(), reported.program(), reported.block(),
                reported.measureId(), reported.metrics(), reason);
    }
}
