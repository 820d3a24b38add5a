package nrw.kinetz.reporting.site;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffingChanged;

/**
 * The projection of {@code ki.sites.v1} into the read model "sites": one view per site. Idempotent:
 * a redelivered record, a replay and a re-publication with the same {@code ce_id} change nothing.
 */
public final class SiteProjection {

    private final SiteViews views;

    public SiteProjection(SiteViews views) {
        this.views = views;
    }

    /** @return {@code false} if the event had been applied already */
    public boolean on(SiteRegistered event, Delivery delivery) {
        return apply(event.siteId(), delivery, view -> view.registered(event, delivery));
    }

    /** @return {@code false} if the event had been applied already */
    public boolean on(SiteStatusChanged event, Delivery delivery) {
        return apply(event.siteId(), delivery, view -> view.statusChanged(event, delivery));
    }

    /**
     * @param recordedOn the day the plan was recorded (the event's time)
     * @return {@code false} if the event had been applied already
     */
    public boolean on(StaffingChanged event, LocalDate recordedOn, Delivery delivery) {
        return apply(event.siteId(), delivery, view -> view.staffingChanged(event, recordedOn, delivery));
    }

    private boolean apply(SiteId siteId, Delivery delivery, UnaryOperator<SiteView> change) {
        SiteView current = views.find(siteId).orElseGet(() -> SiteView.unknown(siteId));
        if (current.hasApplied(delivery)) {
            return false;
        }
        views.save(change.apply(current));
        return true;
    }
}
