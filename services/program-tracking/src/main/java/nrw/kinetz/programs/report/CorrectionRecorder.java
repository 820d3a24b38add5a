package nrw.kinetz.programs.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.CorrectionRecorded;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.indicator.Contribution;
import nrw.kinetz.programs.indicator.LateActivities;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.report.ReportStore.CorrectionDocument;
import nrw.kinetz.programs.report.ReportStore.ReportDocument;

/**
 * Activities for a period whose figures are fixed (report submitted or accepted) that the intake accepted after
 * the figures were taken: recorded beside the report as corrections, each once, and announced. The comparison
 * uses the activity event's own time, so a replay of the topic records exactly the same corrections.
 */
@Component
class CorrectionRecorder implements LateActivities {

    /** Attempts when a resubmission or another correction changed the report in between. */
    private static final int ATTEMPTS = 5;

    private final ReportStore reports;
    private final Announcer announcer;

    CorrectionRecorder(ReportStore reports, Announcer announcer) {
        this.reports = reports;
        this.announcer = announcer;
    }

    @Override
    public boolean taken(List<Change> changes) {
        // by site, programme and year first, so that a poll builds a report's key once, not once per activity
        Map<Period, List<Change>> byPeriod = new LinkedHashMap<>();
        for (Change change : changes) {
            Contribution c = change.contribution();
            if (c.program() != null) {
                byPeriod.computeIfAbsent(new Period(c.siteId(), c.program(), c.budgetYear()), k -> new java.util.ArrayList<>())
                        .add(change);
            }
        }
        if (byPeriod.isEmpty()) {
            return false;
        }
        Map<String, List<Change>> byReport = new LinkedHashMap<>();
        byPeriod.forEach((period, its) -> byReport.put(ReportStore.key(period.siteId(), period.program(), period.budgetYear()), its));
        boolean recorded = false;
        for (Map.Entry<String, Long> entry : reports.frozen(byReport.keySet()).entrySet()) {
            for (Change change : byReport.get(entry.getKey())) {
                if (change.eventTime() > entry.getValue()) {
                    recorded |= record(entry.getKey(), change);
                }
            }
        }
        return recorded;
    }

    /** What a period report is kept for. */
    private record Period(SiteId siteId, Program program, int budgetYear) {
    }

    /** @return whether the correction was recorded now (false: recorded before, or no longer late) */
    private boolean record(String key, Change change) {
        String eventKey = change.eventId().toString();
        Contribution c = change.contribution();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ReportDocument> current = reports.document(key);
            if (current.isEmpty() || current.get().correctionKeys() != null && current.get().correctionKeys().contains(eventKey)
                    || !nrw.kinetz.programs.report.domain.ReportStatus.valueOf(current.get().status()).freezesFigures()
                    || change.eventTime() <= current.get().submittedAt()) {
                return false;
            }
            ReportDocument report = current.get();
            int count = report.correctionCount() + 1;
            UUID id = UUID.nameUUIDFromBytes(("correction/" + key + "/" + report.submittedAt() + "/" + eventKey)
                    .getBytes(StandardCharsets.UTF_8));
            var event = announcer.announce(c.siteId(), ProgramEventTypes.CORRECTION_RECORDED,
                    new CorrectionRecorded(UUID.fromString(report.reportId()), c.siteId(), c.program(), c.budgetYear(),
                            c.activityId(), change.retraction(), c.occurredOn(), count), id);
            if (reports.recordCorrection(key, report.submittedAt(), report.correctionCount(), eventKey,
                    new CorrectionDocument(c.activityId().toString(), change.retraction(), c.occurredOn().toString(),
                            change.eventTime()), event)) {
                return true;
            }
        }
        return false;
    }
}
