package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI submitted its report for a programme and budget year; the figures at that moment are kept with it
 * ({@code nrw.ki.program.period-report-submitted.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param reportId the period report
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param budgetYear the budget year the report covers
 * @param submittedOn the day
 * @param figures indicator actuals (and targets) at submission
 */
public record PeriodReportSubmitted(UUID reportId, SiteId siteId, Program program, int budgetYear,
        LocalDate submittedOn, List<IndicatorFigure> figures) {

    public PeriodReportSubmitted {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(figures, "figures");
        figures = List.copyOf(figures);
    }
}
