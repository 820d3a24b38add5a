package nrw.kinetz.programs.report.domain;

/** Where a period report stands; ACCEPTED locks the period until the LaKI reopens it. */
public enum ReportStatus {
    SUBMITTED, RETURNED, ACCEPTED, REOPENED;

    /** Figures of a submitted or accepted report are fixed: later activities become corrections. */
    public boolean freezesFigures() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
