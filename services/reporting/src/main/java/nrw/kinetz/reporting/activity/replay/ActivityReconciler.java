package nrw.kinetz.reporting.activity.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nrw.kinetz.model.Period;

/**
 * Finds and repairs drift of the activities read model without a person: it reconciles this year and the
 * last one against the topic ({@link ActivityReconciliation}), after every start and then on a schedule, and
 * when a period differs it rebuilds the read model from the topic ({@link ActivityRebuild}) — logged, counted
 * and shown in the health details.
 *
 * <p>With the consumer position kept in the read model's store, a crash of the store should leave nothing to
 * repair; this is the net under that net: it finds what a bug, a manual edit or a lost write left behind.
 */
public final class ActivityReconciler {

    /**
     * @param at          when it ran
     * @param periods     the periods checked
     * @param differences cells that differed, over all periods
     * @param skipped     cells changed while it ran, not compared
     * @param repaired    whether it started a rebuild to repair the differences
     * @param error       why it could not run, or {@code null}
     */
    public record Outcome(Instant at, List<String> periods, int differences, int skipped, boolean repaired, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ActivityReconciler.class);

    private final ActivityReconciliation reconciliation;
    private final ActivityRebuild rebuild;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger differences = new AtomicInteger();
    private final AtomicInteger repairs = new AtomicInteger();
    private volatile Outcome last;

    public ActivityReconciler(ActivityReconciliation reconciliation, ActivityRebuild rebuild, Clock clock, ZoneId zone) {
        this.reconciliation = reconciliation;
        this.rebuild = rebuild;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reconciles this year and the last; rebuilds if any cell differs and no rebuild is running. */
    public synchronized Outcome run() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        List<String> periods = List.of(String.valueOf(year - 1), String.valueOf(year));
        int found = 0;
        int skipped = 0;
        boolean repaired = false;
        String error = null;
        try {
            List<String> differing = new ArrayList<>();
            for (String period : periods) {
                ActivityReconciliation.Report report = reconciliation.reconcile(Period.parse(period));
                found += report.differences().size();
                skipped += report.skipped().size();
                if (!report.differences().isEmpty()) {
                    differing.add(period + " (" + report.differences().size() + " cells, e.g. " + report.differences().get(0) + ")");
                }
            }
            if (!differing.isEmpty()) {
                ActivityRebuild.State state = rebuild.status().state();
                if (state != ActivityRebuild.State.REPLAYING && state != ActivityRebuild.State.SWITCHING) {
                    try {
                        rebuild.start();
                        repaired = true;
                        repairs.incrementAndGet();
                    } catch (IllegalStateException runningElsewhere) {
                        // Every instance reconciles; the first to find the difference rebuilds for all of them.
                    }
                }
                log.warn("activities read model differs from the topic in {}; {}", differing,
                        repaired ? "rebuilding it from the topic" : "a rebuild is already running");
            } else {
                log.info("activities read model matches the topic in {} ({} cells changed meanwhile, not compared)",
                        periods, skipped);
            }
        } catch (RuntimeException e) {
            error = e.toString();
            log.warn("reconciling the activities read model failed; next try on schedule", e);
        }
        differences.set(found);
        last = new Outcome(clock.instant(), periods, found, skipped, repaired, error);
        return last;
    }

    /** @return cells that differed at the last run (a metric) */
    public int differences() {
        return differences.get();
    }

    /** @return rebuilds started to repair a difference since the start (a metric) */
    public int repairs() {
        return repairs.get();
    }

    /** @return the last run, or {@code null} before the first */
    public Outcome last() {
        return last;
    }

    /** The health details: what the last run found and did. */
    public Map<String, Object> details() {
        Outcome outcome = last;
        Map<String, Object> details = new LinkedHashMap<>();
        if (outcome == null) {
            details.put("lastRun", "not yet");
            return details;
        }
        details.put("lastRun", outcome.at().toString());
        details.put("periods", outcome.periods());
        details.put("differences", outcome.differences());
        details.put("skipped", outcome.skipped());
        details.put("repaired", outcome.repaired());
        details.put("repairs", repairs.get());
        if (outcome.error() != null) {
            details.put("error", outcome.error());
        }
        return details;
    }
}
