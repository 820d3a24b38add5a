package nrw.kinetz.programs.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.programs.indicator.Figure;
import nrw.kinetz.programs.indicator.Shown;
import nrw.kinetz.programs.report.ReportStore.CorrectionDocument;
import nrw.kinetz.programs.report.ReportStore.StoredReport;
import nrw.kinetz.programs.report.domain.PeriodReport;
import nrw.kinetz.programs.report.domain.ReportStatus;

/**
 * A period report as the API shows it: the figures as submitted (and, once accepted, approved) beside the
 * current figures, and the corrections that arrived since the figures were taken ("3 changes since approval").
 *
 * @param actual a number, or {@code {"suppressed": true}} for a count of people other than 0 outside the laki role and
 *               the site's own KI
 */
record ReportView(UUID reportId, SiteId siteId, Program program, int budgetYear, ReportStatus status,
        LocalDate submittedOn, List<FigureView> submittedFigures, List<FigureView> currentFigures,
        int changesSinceSubmission, List<CorrectionView> corrections, List<PeriodReport.Step> steps, long version) {

    record FigureView(Program.Block block, String measureId, Indicator indicator, Object actual, Long target) {
    }

    record CorrectionView(UUID activityId, boolean retraction, LocalDate occurredOn) {
    }

    static ReportView of(StoredReport stored, List<Figure> current, Caller caller) {
        PeriodReport r = stored.report();
        return new ReportView(r.reportId(), r.siteId(), r.program(), r.budgetYear(), r.status(), r.submittedOn(),
                r.figures().stream().map(f -> new FigureView(f.block(), f.measureId(), f.indicator(),
                        Shown.json(f.indicator(), f.actual(), caller, r.siteId()), f.target())).toList(),
                current.stream().map(f -> new FigureView(f.block(), f.measureId(), f.indicator(),
                        Shown.json(f.indicator(), f.actual(), caller, r.siteId()), f.target())).toList(),
                stored.correctionCount(),
                stored.corrections().stream().map(ReportView::correction).toList(), r.steps(), stored.version());
    }

    private static CorrectionView correction(CorrectionDocument c) {
        return new CorrectionView(UUID.fromString(c.activityId()), c.retraction(), LocalDate.parse(c.occurredOn()));
    }
}
