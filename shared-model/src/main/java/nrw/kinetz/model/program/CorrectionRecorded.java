package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * An activity for a submitted or locked period arrived (or was retracted) after submission: recorded beside the approved figures, not merged into them
 * ({@code nrw.ki.program.correction-recorded.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param reportId the period report
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param budgetYear the budget year the report covers
 * @param activityId the late activity
 * @param retraction true if it was a retraction
 * @param occurredOn the day of the activity
 * @param correctionsSinceSubmission how many corrections the report has now
 */
public record CorrectionRecorded(UUID reportId, SiteId siteId, Program program, int budgetYear, UUID activityId,
        boolean retraction, LocalDate occurredOn, int correctionsSinceSubmission) {

    public CorrectionRecorded {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(occurredOn, "occurredOn");
    }
}
