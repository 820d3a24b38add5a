package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The LaKI accepted a period report; the period is locked
 * ({@code nrw.ki.program.period-report-accepted.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param reportId the period report
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param budgetYear the budget year the report covers
 * @param acceptedOn the day
 */
public record PeriodReportAccepted(UUID reportId, SiteId siteId, Program program, int budgetYear,
        LocalDate acceptedOn) {

    public PeriodReportAccepted {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(acceptedOn, "acceptedOn");
    }
}
