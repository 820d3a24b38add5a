package nrw.kinetz.programs.indicator;

import java.util.List;

/**
 * Told about every activity (and retraction) the indicators took in, so that those arriving for a period whose
 * report is submitted or locked are recorded as corrections beside the approved figures instead of silently
 * changing them. Implemented by the period reports.
 */
public interface LateActivities {

    /**
     * @param changes applied contributions, each with whether it was a retraction; idempotent
     * @return whether a correction was recorded (and its event stored for the relay)
     */
    boolean taken(List<Change> changes);

    /** One applied activity: a report ({@code retraction} false) or the retraction of one, at {@code eventTime}. */
    record Change(Contribution contribution, boolean retraction, long eventTime, java.util.UUID eventId) {
    }
}
