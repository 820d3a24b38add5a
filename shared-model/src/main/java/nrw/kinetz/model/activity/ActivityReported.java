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
 * A KI reported an activity ({@code nrw.ki.activity.reported.v1} on {@code ki.activities.v1}, key and
 * subject = site id, {@code ce_source} = {@code /ki/<siteId>}, {@code ce_id} = {@link #activityId()}).
 * It carries everything reporting needs, so a consumer needs no earlier state. There is deliberately no
 * field for personal data.
 *
 * <p>The activity id is the sender's idempotency key: the intake publishes one id once, and consumers count
 * a {@code ce_id} once (docs/architecture.md#idempotency).
 *
 * @param activityId   the id the sender chose (or, for a CSV row without one, the name-based id derived by
 *                     {@link ActivityCsv#derivedId}); equal to the record's {@code ce_id}
 * @param siteId       the KI the activity belongs to; the Kafka key
 * @param occurredOn   the day the activity took place; never in the future (Europe/Berlin)
 * @param field        the field of action (Handlungsfeld); always the field of {@code focusArea}
 * @param focusArea    the focus area the activity is counted under
 * @param activityType what kind of work it was
 * @param program      the funding programme the activity belongs to, or {@code null} for none
 * @param block        the programme block (KOMM-AN NRW Teil II only), or {@code null}
 * @param measureId    the sender's reference to the funded measure (program tracking), or {@code null}
 * @param metrics      the counts
 * @param note         free text of at most {@value #MAX_NOTE_LENGTH} characters, or {@code null}; never
 *                     personal data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityReported(UUID activityId, SiteId siteId, LocalDate occurredOn, Field field, FocusArea focusArea,
        ActivityType activityType, Program program, Program.Block block, String measureId, ActivityMetrics metrics,
        String note) {

    /** Longest note accepted, in characters. */
    public static final int MAX_NOTE_LENGTH = 500;

    /** Longest measure reference accepted, in characters. */
    public static final int MAX_MEASURE_ID_LENGTH = 64;

    /**
     * @throws NullPointerException     if a required field is missing
     * @throws IllegalArgumentException if the fields contradict each other (focus area of another field,
     *                                  a block without its programme) or the note is too long
     */
    public ActivityReported {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(focusArea, "focusArea");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(metrics, "metrics");
        ActivityCodes.requireConsistent(field, focusArea, program, block, measureId);
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note has " + note.length() + " characters; at most " + MAX_NOTE_LENGTH);
        }
    }
}
