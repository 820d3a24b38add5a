package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The LaKI reopened an accepted period; the KI may submit again
 * ({@code nrw.ki.program.period-reopened.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param reportId the period report
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param budgetYear the budget year the report covers
 * @param reopenedOn the day
 * @param reason why
 */
public record PeriodReopened(UUID reportId, SiteId siteId, Program program, int budgetYear, LocalDate reopenedOn,
        String reason) {

    public PeriodReopened {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(reopenedOn, "reopenedOn");
        Objects.requireNonNull(reason, "reason");
    }
}
