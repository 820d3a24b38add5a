package nrw.kinetz.programs.indicator;

import java.time.LocalDate;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;

/**
 * What one activity contributes to a site's indicators: its codes and counts as reported, when the intake
 * accepted it ({@code ce_time}) and whether (and when) it was retracted. Whether it counts for a measure is
 * decided when indicators are read, against the site's measures then, so a measure created after its activities
 * still gets them and a rebuild gives the same numbers.
 *
 * @param program     null for an activity that names a measure but no programme
 * @param receivedAt  the activity event's time, epoch milliseconds
 * @param retractedAt the retraction event's time, null while it counts
 */
public record Contribution(UUID activityId, SiteId siteId, Program program, Program.Block block, String measureId,
        LocalDate occurredOn, ActivityMetrics metrics, long receivedAt, Long retractedAt) {

    public int budgetYear() {
        return occurredOn.getYear();
    }

    /** Counted in the figures as of {@code cutoff} (epoch ms): received by then and not retracted by then. */
    public boolean countsAt(long cutoff) {
        return receivedAt <= cutoff && (retractedAt == null || retractedAt > cutoff);
    }

    public boolean counts() {
        return retractedAt == null;
    }
}
