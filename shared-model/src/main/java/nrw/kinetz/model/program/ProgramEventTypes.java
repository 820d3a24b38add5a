package nrw.kinetz.model.program;

import java.util.List;

import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;

/** The event types of program tracking, all on {@code ki.programs.v1} with key = site id. */
public final class ProgramEventTypes {

    public static final EventType<GrantApplied> GRANT_APPLIED =
            EventType.of("nrw.ki.program.grant-applied.v1", GrantApplied.class, Topics.PROGRAMS);
    public static final EventType<GrantApproved> GRANT_APPROVED =
            EventType.of("nrw.ki.program.grant-approved.v1", GrantApproved.class, Topics.PROGRAMS);
    public static final EventType<GrantRejected> GRANT_REJECTED =
            EventType.of("nrw.ki.program.grant-rejected.v1", GrantRejected.class, Topics.PROGRAMS);
    public static final EventType<GrantAmended> GRANT_AMENDED =
            EventType.of("nrw.ki.program.grant-amended.v1", GrantAmended.class, Topics.PROGRAMS);
    public static final EventType<FundsDisbursed> FUNDS_DISBURSED =
            EventType.of("nrw.ki.program.funds-disbursed.v1", FundsDisbursed.class, Topics.PROGRAMS);
    public static final EventType<SubGrantPassedOn> SUB_GRANT_PASSED_ON =
            EventType.of("nrw.ki.program.sub-grant-passed-on.v1", SubGrantPassedOn.class, Topics.PROGRAMS);
    public static final EventType<ProofOfUseSubmitted> PROOF_OF_USE_SUBMITTED =
            EventType.of("nrw.ki.program.proof-of-use-submitted.v1", ProofOfUseSubmitted.class, Topics.PROGRAMS);
    public static final EventType<ProofOfUseAccepted> PROOF_OF_USE_ACCEPTED =
            EventType.of("nrw.ki.program.proof-of-use-accepted.v1", ProofOfUseAccepted.class, Topics.PROGRAMS);
    public static final EventType<ProofOfUseReturned> PROOF_OF_USE_RETURNED =
            EventType.of("nrw.ki.program.proof-of-use-returned.v1", ProofOfUseReturned.class, Topics.PROGRAMS);
    public static final EventType<MeasureStarted> MEASURE_STARTED =
            EventType.of("nrw.ki.program.measure-started.v1", MeasureStarted.class, Topics.PROGRAMS);
    public static final EventType<MeasureCompleted> MEASURE_COMPLETED =
            EventType.of("nrw.ki.program.measure-completed.v1", MeasureCompleted.class, Topics.PROGRAMS);
    public static final EventType<IndicatorProgressed> INDICATOR_PROGRESSED =
            EventType.of("nrw.ki.program.indicator-progressed.v1", IndicatorProgressed.class, Topics.PROGRAMS);
    public static final EventType<PeriodReportSubmitted> PERIOD_REPORT_SUBMITTED =
            EventType.of("nrw.ki.program.period-report-submitted.v1", PeriodReportSubmitted.class, Topics.PROGRAMS);
    public static final EventType<PeriodReportAccepted> PERIOD_REPORT_ACCEPTED =
            EventType.of("nrw.ki.program.period-report-accepted.v1", PeriodReportAccepted.class, Topics.PROGRAMS);
    public static final EventType<PeriodReportReturned> PERIOD_REPORT_RETURNED =
            EventType.of("nrw.ki.program.period-report-returned.v1", PeriodReportReturned.class, Topics.PROGRAMS);
    public static final EventType<PeriodReopened> PERIOD_REOPENED =
            EventType.of("nrw.ki.program.period-reopened.v1", PeriodReopened.class, Topics.PROGRAMS);
    public static final EventType<CorrectionRecorded> CORRECTION_RECORDED =
            EventType.of("nrw.ki.program.correction-recorded.v1", CorrectionRecorded.class, Topics.PROGRAMS);

    /** Every program event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of(GRANT_APPLIED, GRANT_APPROVED, GRANT_REJECTED, GRANT_AMENDED, FUNDS_DISBURSED, SUB_GRANT_PASSED_ON, PROOF_OF_USE_SUBMITTED, PROOF_OF_USE_ACCEPTED, PROOF_OF_USE_RETURNED, MEASURE_STARTED, MEASURE_COMPLETED, INDICATOR_PROGRESSED, PERIOD_REPORT_SUBMITTED, PERIOD_REPORT_ACCEPTED, PERIOD_REPORT_RETURNED, PERIOD_REOPENED, CORRECTION_RECORDED);

    private ProgramEventTypes() {
    }
}
