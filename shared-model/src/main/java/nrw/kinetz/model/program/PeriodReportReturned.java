package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The LaKI returned a period report with a comment
 * ({@code nrw.ki.program.period-report-returned.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param reportId the period report
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param budgetYear the budget year the report covers
 * @param returnedOn the day
 * @param comment what has to change
 */
public record PeriodReportReturned(UUID reportId, SiteId siteId, Program program, int budgetYear,
        LocalDate returnedOn, String comment) {

    public PeriodReportReturned {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(returnedOn, "returnedOn");
        Objects.requireNonNull(comment, "comment");
    }
}
