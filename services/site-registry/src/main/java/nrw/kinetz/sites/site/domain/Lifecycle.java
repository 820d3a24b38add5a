package nrw.kinetz.sites.site.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.SiteStatus;

/**
 * The steps a site has taken, oldest first, each with its date. Dates may lie in the past (the registry
 * records decisions taken on paper long ago) but never in the future, and no step is dated before the one
 * it follows, so "how many were established on day X" has one answer.
 */
public final class Lifecycle {

    private final List<LifecycleStep> steps;

    private Lifecycle(List<LifecycleStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The lifecycle of a site entering the registry in {@code status}: usually DECIDED, but a KI that already
     * works may be registered at the step it has reached.
     *
     * @throws SiteRuleViolation for CLOSED or a date after {@code today}
     */
    public static Lifecycle startingAt(SiteStatus status, LocalDate since, LocalDate today) {
        Objects.requireNonNull(status, "status");
        if (status == SiteStatus.CLOSED) {
            throw new SiteRuleViolation("status", "a site cannot be registered as CLOSED; "
                    + "register it in DECIDED, FUNDED, START_PHASE or ESTABLISHED");
        }
        requireNotInFuture("statusSince", since, today);
        return new Lifecycle(List.of(new LifecycleStep(status, since)));
    }

    /** Rebuilds a lifecycle from stored steps, which were checked when they were taken. */
    public static Lifecycle of(List<LifecycleStep> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lifecycle has at least one step");
        }
        return new Lifecycle(steps);
    }

    /**
     * @param on the day the step took effect; back-dating is allowed
     * @throws IllegalTransition if {@code next} does not follow the current status
     * @throws SiteRuleViolation if {@code on} lies after {@code today} or before the current step's date
     */
    public Lifecycle moveTo(SiteStatus next, LocalDate on, LocalDate today) {
        Objects.requireNonNull(next, "next");
        if (!current().canMoveTo(next)) {
            throw new IllegalTransition(current(), next);
        }
        requireNotInFuture("effectiveOn", on, today);
        if (on.isBefore(currentSince())) {
            throw new SiteRuleViolation("effectiveOn", "effectiveOn " + on + " lies before " + currentSince()
                    + ", the day the site became " + current() + "; each step is dated on or after the one before");
        }
        List<LifecycleStep> moved = new ArrayList<>(steps);
        moved.add(new LifecycleStep(next, on));
        return new Lifecycle(moved);
    }

    public SiteStatus current() {
        return last().status();
    }

    public LocalDate currentSince() {
        return last().since();
    }

    /** @return the status the site had at the end of {@code day}, empty if it had not entered the registry yet */
    public Optional<SiteStatus> statusOn(LocalDate day) {
        SiteStatus status = null;
        for (LifecycleStep step : steps) {
            if (step.since().isAfter(day)) {
                break;
            }
            status = step.status();
        }
        return Optional.ofNullable(status);
    }

    /** @return the day the site reached {@code status}, if it did */
    public Optional<LocalDate> reached(SiteStatus status) {
        return steps.stream().filter(step -> step.status() == status).map(LifecycleStep::since).findFirst();
    }

    /** @return every step, oldest first; unmodifiable */
    public List<LifecycleStep> steps() {
        return steps;
    }

    private LifecycleStep last() {
        return steps.get(steps.size() - 1);
    }

    private static void requireNotInFuture(String path, LocalDate date, LocalDate today) {
        Objects.requireNonNull(date, path);
        if (date.isAfter(today)) {
            throw new SiteRuleViolation(path, path + " " + date + " lies in the future; the registry records steps "
                    + "that have been taken, today is " + today);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lifecycle that && steps.equals(that.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return steps.toString();
    }
}
