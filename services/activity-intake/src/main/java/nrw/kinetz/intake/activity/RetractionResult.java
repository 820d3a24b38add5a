package nrw.kinetz.intake.activity;

import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answer to a retraction.
 *
 * @param activityId   the retracted activity
 * @param retractionId the {@code ce_id} of the {@code nrw.ki.activity.retracted.v1} event
 * @param status       retracted (published now) or duplicate (it was retracted before)
 */
record RetractionResult(UUID activityId, UUID retractionId, Status status) {

    enum Status {
        RETRACTED, DUPLICATE;

        @JsonValue
        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
