package nrw.kinetz.programs.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.IndicatorFigure;
import nrw.kinetz.programs.indicator.Indicators;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.report.ReportStore.StoredReport;
import nrw.kinetz.programs.report.domain.PeriodReport;
import nrw.kinetz.programs.report.domain.PeriodReport.Outcome;
import nrw.kinetz.programs.web.IfMatch;
import nrw.kinetz.programs.web.Refusals;

/** Submitting a period report with the figures of that moment, and the LaKI's answers to it. */
@Service
class ReportService {

    private final ReportStore store;
    private final Indicators indicators;
    private final Announcer announcer;
    private final PendingEventsSignal relay;
    private final Clock clock;

    ReportService(ReportStore store, Indicators indicators, Announcer announcer, PendingEventsSignal relay, Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.announcer = announcer;
        this.relay = relay;
        this.clock = clock;
    }

    /** @throws ApplicationException 409 if the report is submitted or accepted already, or changed meanwhile */
    StoredReport submit(Caller caller, SiteId siteId, Program program, int budgetYear) {
        caller.requireMayActFor(siteId);
        LocalDate today = today();
        long now = clock.millis();
        StoredReport current = store.find(siteId, program, budgetYear).orElse(null);
        List<IndicatorFigure> figures = budgetYear > today.getYear() ? List.of()
                : indicators.asOf(siteId, program, budgetYear, now).stream().map(f -> new IndicatorFigure(f.block(),
                        f.measureId(), f.indicator(), f.actual(), f.target())).toList();
        Outcome outcome = Refusals.decide("report", () -> PeriodReport.submit(current == null ? null : current.report(), siteId, program,
                budgetYear, figures, now, today));
        var events = announcer.announce(siteId, outcome.facts());
        boolean stored = current == null ? store.insert(outcome.report(), events)
                : store.update(outcome.report(), current.version(), true, events);
        if (!stored) {
            throw ApplicationException.of(Kind.CONFLICT, "report.changed-meanwhile", "The report for " + program.name() + " "
                    + budgetYear + " was submitted or changed at the same moment; read it again.", program, budgetYear);
        }
        relay.eventsPending();
        return get(siteId, program, budgetYear);
    }

    StoredReport accept(SiteId siteId, Program program, int budgetYear, String ifMatch) {
        return decide(siteId, program, budgetYear, ifMatch, report -> report.accept(today()));
    }

    StoredReport giveBack(SiteId siteId, Program program, int budgetYear, String ifMatch, String comment) {
        return decide(siteId, program, budgetYear, ifMatch, report -> report.giveBack(comment, today()));
    }

    StoredReport reopen(SiteId siteId, Program program, int budgetYear, String ifMatch, String reason) {
        return decide(siteId, program, budgetYear, ifMatch, report -> report.reopen(reason, today()));
    }

    StoredReport get(SiteId siteId, Program program, int budgetYear) {
        return store.find(siteId, program, budgetYear).orElseThrow(() -> ApplicationException.of(Kind.NOT_FOUND, "report.unknown",
                "Site " + siteId + " has not submitted a report for " + program.name() + " " + budgetYear + ".", siteId,
                program, budgetYear));
    }

    LocalDate today() {
        return NetworkTime.today(clock);
    }

    private StoredReport decide(SiteId siteId, Program program, int budgetYear, String ifMatch,
            Function<PeriodReport, Outcome> decision) {
        StoredReport current = get(siteId, program, budgetYear);
        String what = "report " + ReportStore.key(siteId, program, budgetYear);
        IfMatch.require(ifMatch, current.version(), what);
        Outcome outcome = Refusals.decide("report", () -> decision.apply(current.report()));
        if (!store.update(outcome.report(), current.version(), false, announcer.announce(siteId, outcome.facts()))) {
            throw IfMatch.stale(what, get(siteId, program, budgetYear).etag());
        }
        relay.eventsPending();
        return get(siteId, program, budgetYear);
    }
}
