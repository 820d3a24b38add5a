package nrw.kinetz.programs.report.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.IndicatorFigure;
import nrw.kinetz.model.program.PeriodReopened;
import nrw.kinetz.model.program.PeriodReportAccepted;
import nrw.kinetz.model.program.PeriodReportReturned;
import nrw.kinetz.model.program.PeriodReportSubmitted;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.domain.Conflict;
import nrw.kinetz.programs.domain.Fact;
import nrw.kinetz.programs.domain.RuleViolation;

/**
 * A site's report for one programme and budget year: the indicator figures at submission are kept with it; the
 * LaKI accepts it (the period is locked) or returns it with a comment; a locked period can be reopened.
 *
 * @param submittedAt when the figures were taken, epoch milliseconds: activities the intake accepted later are
 *                    corrections, not part of the figures
 * @param steps       every submission and answer, oldest first
 */
public record PeriodReport(UUID reportId, SiteId siteId, Program program, int budgetYear, ReportStatus status,
        long submittedAt, LocalDate submittedOn, List<IndicatorFigure> figures, List<Step> steps) {

    /** One submission or answer. */
    public record Step(ReportStatus status, LocalDate on, String comment) {
    }

    public record Outcome(PeriodReport report, List<Fact<?>> facts) {

        public Outcome {
            facts = List.copyOf(facts);
        }
    }

    public PeriodReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        figures = List.copyOf(figures);
        steps = List.copyOf(steps);
    }

    /**
     * A first submission ({@code current} null) or one after a return or a reopening.
     *
     * @throws RuleViolation for a budget year that has not begun or lies outside the programme
     * @throws Conflict      if the report is submitted or accepted already
     */
    public static Outcome submit(PeriodReport current, SiteId siteId, Program program, int budgetYear,
            List<IndicatorFigure> figures, long now, LocalDate today) {
        if (budgetYear > today.getYear()) {
            throw new RuleViolation("budgetYear", "budget year " + budgetYear + " lies in the future; a report covers "
                    + today.getYear() + " or earlier");
        }
        try {
            ProgramCatalogue.terms(program).checkBudgetYear(budgetYear, today.getYear());
        } catch (InvalidValueException e) {
            throw new RuleViolation("budgetYear", e.getMessage());
        }
        if (current != null && current.status().freezesFigures()) {
            throw new Conflict("The report for " + program.name() + " " + budgetYear + " is " + current.status().name()
                    + " already" + (current.status() == ReportStatus.ACCEPTED ? "; the LaKI can reopen it." : "."));
        }
        UUID id = current == null ? UUID.randomUUID() : current.reportId();
        List<Step> steps = new ArrayList<>(current == null ? List.of() : current.steps());
        steps.add(new Step(ReportStatus.SUBMITTED, today, null));
        PeriodReport submitted = new PeriodReport(id, siteId, program, budgetYear, ReportStatus.SUBMITTED, now, today,
                figures, steps);
        return new Outcome(submitted, List.of(new Fact<>(ProgramEventTypes.PERIOD_REPORT_SUBMITTED,
                new PeriodReportSubmitted(id, siteId, program, budgetYear, today, figures))));
    }

    public Outcome accept(LocalDate today) {
        require(ReportStatus.SUBMITTED, "accepted");
        return new Outcome(step(ReportStatus.ACCEPTED, today, null), List.of(new Fact<>(ProgramEventTypes.PERIOD_REPORT_ACCEPTED,
                new PeriodReportAccepted(reportId, siteId, program, budgetYear, today))));
    }

    public Outcome giveBack(String comment, LocalDate today) {
        require(ReportStatus.SUBMITTED, "returned");
        return new Outcome(step(ReportStatus.RETURNED, today, comment), List.of(new Fact<>(
                ProgramEventTypes.PERIOD_REPORT_RETURNED, new PeriodReportReturned(reportId, siteId, program, budgetYear,
                        today, comment))));
    }

    public Outcome reopen(String reason, LocalDate today) {
        require(ReportStatus.ACCEPTED, "reopened");
        return new Outcome(step(ReportStatus.REOPENED, today, reason), List.of(new Fact<>(ProgramEventTypes.PERIOD_REOPENED,
                new PeriodReopened(reportId, siteId, program, budgetYear, today, reason))));
    }

    private PeriodReport step(ReportStatus next, LocalDate on, String comment) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(next, on, comment));
        return new PeriodReport(reportId, siteId, program, budgetYear, next, submittedAt, submittedOn, figures, more);
    }

    private void require(ReportStatus required, String action) {
        if (status != required) {
            throw new Conflict("The report is " + status.name() + "; only a " + required.name() + " report can be "
                    + action + ".");
        }
    }
}
