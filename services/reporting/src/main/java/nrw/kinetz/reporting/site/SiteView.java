package nrw.kinetz.reporting.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffingChanged;

/**
 * Reporting's picture of one KI site, built only from {@code ki.sites.v1}: identity, status history, staffing
 * history and what has been applied. Immutable; every applied event yields a new view with {@link #revision()}
 * + 1.
 *
 * @param siteId          the site
 * @param registration    identity from the latest {@link SiteRegistered}, {@code null} until one arrived
 * @param statusHistory   every status step in the order the events arrived; the last one is the current status
 * @param lastDelivery    the last applied event's position, {@code null} before the first
 * @param appliedEventIds the {@code ce_id} of every applied event; a site has a handful of events a year, so
 *                        keeping all of them is cheap and recognises a re-publication however late it comes
 * @param revision        number of applied events; the store writes a view only over its predecessor
 * @param staffingHistory every staffing plan in the order the events arrived, each from the day it was recorded;
 *                        the last one is the current plan
 */
public record SiteView(SiteId siteId, Registration registration, List<StatusStep> statusHistory, Delivery lastDelivery,
        List<UUID> appliedEventIds, long revision, List<StaffingStep> staffingHistory) {

    /**
     * The identity a {@link SiteRegistered} carries.
     *
     * @param name             e.g. "Kreis Soest"
     * @param territoryKind    what the KI serves
     * @param regierungsbezirk the government region
     * @param districtKey      the district the site lies in
     * @param population       population served
     */
    public record Registration(String name, TerritoryKind territoryKind, Regierungsbezirk regierungsbezirk,
            DistrictKey districtKey, long population) {

        public Registration {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(territoryKind, "territoryKind");
            Objects.requireNonNull(regierungsbezirk, "regierungsbezirk");
            Objects.requireNonNull(districtKey, "districtKey");
        }
    }

    /**
     * One lifecycle step.
     *
     * @param status the status reached
     * @param since  the day it took effect
     */
    public record StatusStep(SiteStatus status, LocalDate since) {

        public StatusStep {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * One staffing plan, as {@link StaffingChanged} carries it, reduced to what reporting counts.
     *
     * @param fte   the plan's full-time equivalents, e.g. 5.5
     * @param since the day the plan was recorded (the event's time in Europe/Berlin): the registry keeps no
     *              effective date for a plan, so "the plan on a day" is the plan known by then
     */
    public record StaffingStep(BigDecimal fte, LocalDate since) {

        public StaffingStep {
            Objects.requireNonNull(fte, "fte");
            Objects.requireNonNull(since, "since");
        }
    }

    public SiteView {
        Objects.requireNonNull(siteId, "siteId");
        statusHistory = List.copyOf(statusHistory);
        appliedEventIds = List.copyOf(appliedEventIds);
        staffingHistory = List.copyOf(staffingHistory);
    }

    /** A site nothing is known about yet. */
    public static SiteView unknown(SiteId siteId) {
        return new SiteView(siteId, null, List.of(), null, List.of(), 0, List.of());
    }

    public boolean isRegistered() {
        return registration != null;
    }

    /**
     * @return whether applying the delivered event again would count it twice: its id was applied before (a
     *         redelivery or a re-publication of the same fact), or it lies at or before the last applied
     *         offset of the same partition (a replay of what this view already reflects)
     */
    public boolean hasApplied(Delivery delivery) {
        if (appliedEventIds.contains(delivery.eventId())) {
            return true;
        }
        // Offsets of different partitions are unrelated; that happens only if the topic was re-partitioned.
        return lastDelivery != null && lastDelivery.partition() == delivery.partition()
                && delivery.offset() <= lastDelivery.offset();
    }

    /** A registration carries the complete identity and the status at that time, so it replaces both. */
    public SiteView registered(SiteRegistered event, Delivery delivery) {
        Registration identity = new Registration(event.name(), event.territoryKind(), event.regierungsbezirk(),
                event.districtKey(), event.population());
        return next(identity, plus(statusHistory, new StatusStep(event.status(), event.statusSince())), staffingHistory,
                delivery);
    }

    /**
     * Follows the fact even where it skips a step or comes before the registration: the site registry enforces
     * the lifecycle, and a read model that second-guessed it would disagree with its source.
     */
    public SiteView statusChanged(SiteStatusChanged event, Delivery delivery) {
        return next(registration, plus(statusHistory, new StatusStep(event.status(), event.effectiveOn())), staffingHistory,
                delivery);
    }

    /** A plan carries every post, so it replaces the one before from the day it was recorded. */
    public SiteView staffingChanged(StaffingChanged event, LocalDate recordedOn, Delivery delivery) {
        return next(registration, statusHistory,
                plus(staffingHistory, new StaffingStep(event.totalFte(), recordedOn)), delivery);
    }

    /** @return the current plan's full-time equivalents, zero before any plan */
    public BigDecimal fte() {
        return staffingHistory.isEmpty() ? BigDecimal.ZERO : staffingHistory.get(staffingHistory.size() - 1).fte();
    }

    /** @return the full-time equivalents of the latest plan recorded by {@code day}, zero if none was */
    public BigDecimal fteOn(LocalDate day) {
        return latestBy(staffingHistory, StaffingStep::since, day).map(StaffingStep::fte).orElse(BigDecimal.ZERO);
    }

    /** @return the current status, empty if no event has named one yet */
    public Optional<SiteStatus> status() {
        return statusHistory.isEmpty() ? Optional.empty() : Optional.of(statusHistory.get(statusHistory.size() - 1).status());
    }

    /** @return the day the current status took effect */
    public Optional<LocalDate> statusSince() {
        return statusHistory.isEmpty() ? Optional.empty() : Optional.of(statusHistory.get(statusHistory.size() - 1).since());
    }

    /**
     * The status on a past day: the latest step (in the order the facts arrived) that had taken effect by
     * then. So a back-dated correction overrides earlier facts from its effective day on, and the status on
     * any day after the last step is the current one.
     *
     * @return empty if no known step had taken effect by {@code day}: the site did not yet exist as far as
     *         the registry has told
     */
    public Optional<SiteStatus> statusOn(LocalDate day) {
        return latestBy(statusHistory, StatusStep::since, day).map(StatusStep::status);
    }

    /** @return the last step of a history (in arrival order) that had taken effect by {@code day} */
    private static <T> Optional<T> latestBy(List<T> history, Function<T, LocalDate> since, LocalDate day) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!since.apply(history.get(i)).isAfter(day)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    private SiteView next(Registration identity, List<StatusStep> statuses, List<StaffingStep> staffing, Delivery delivery) {
        return new SiteView(siteId, identity, statuses, delivery, plus(appliedEventIds, delivery.eventId()), revision + 1, staffing);
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
