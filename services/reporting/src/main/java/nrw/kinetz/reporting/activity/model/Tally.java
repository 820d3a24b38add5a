package nrw.kinetz.reporting.activity.model;

import java.util.LinkedHashMap;
import java.util.Map;

import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;

/**
 * The numbers of a cell, or what one event adds to or takes from it: a count of activities and the sums of
 * their metrics. As a difference it may be negative (a retraction); as a stored value it never is.
 *
 * @param activities   number of activities
 * @param participants sum of participants
 * @param volunteers   sum of volunteers
 * @param sessions     sum of sessions
 * @param hours        sum of whole hours
 */
public record Tally(long activities, long participants, long volunteers, long sessions, long hours) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

    /** What one reported activity adds. */
    public static Tally of(ActivityMetrics metrics) {
        return new Tally(1, metrics.participants(), metrics.volunteers(), metrics.sessions(), metrics.hours());
    }

    public Tally plus(Tally other) {
        return new Tally(activities + other.activities, participants + other.participants, volunteers + other.volunteers,
                sessions + other.sessions, hours + other.hours);
    }

    public Tally negated() {
        return new Tally(-activities, -participants, -volunteers, -sessions, -hours);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** @return the numbers by metric name, in the order of {@link ActivitiesMeasure#metrics()} */
    public Map<String, Long> byMetric() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(ActivitiesMeasure.ACTIVITIES.name(), activities);
        values.put(ActivitiesMeasure.PARTICIPANTS.name(), participants);
        values.put(ActivitiesMeasure.VOLUNTEERS.name(), volunteers);
        values.put(ActivitiesMeasure.SESSIONS.name(), sessions);
        values.put(ActivitiesMeasure.HOURS.name(), hours);
        return values;
    }
}
