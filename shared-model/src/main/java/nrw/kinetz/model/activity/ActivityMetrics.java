package nrw.kinetz.model.activity;

/**
 * The counts an activity report carries. Reporting sums them per site, period and code, and a retraction
 * subtracts exactly these numbers again; a wrong number is corrected by a retraction and a new report,
 * never by negative counts (docs/architecture.md#idempotency), hence no negative values.
 *
 * @param participants people who took part (the count that is suppressed from 1 to 4 outside the laki role)
 * @param volunteers   volunteers who took part (also a count of people, suppressed like participants)
 * @param sessions     sessions, meetings or appointments the activity consisted of
 * @param hours        hours of work or contact time, whole hours
 */
public record ActivityMetrics(int participants, int volunteers, int sessions, int hours) {

    /** @throws IllegalArgumentException if a count is negative */
    public ActivityMetrics {
        requireNotNegative("participants", participants);
        requireNotNegative("volunteers", volunteers);
        requireNotNegative("sessions", sessions);
        requireNotNegative("hours", hours);
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0, was " + value);
        }
    }
}
