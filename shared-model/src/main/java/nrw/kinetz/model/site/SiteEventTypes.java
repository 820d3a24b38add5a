package nrw.kinetz.model.site;

import java.util.List;

import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;

/** The event types of the site registry, all on {@code ki.sites.v1} with key = site id. */
public final class SiteEventTypes {

    public static final EventType<SiteRegistered> REGISTERED =
            EventType.of("nrw.ki.site.registered.v1", SiteRegistered.class, Topics.SITES);
    public static final EventType<SiteStatusChanged> STATUS_CHANGED =
            EventType.of("nrw.ki.site.status-changed.v1", SiteStatusChanged.class, Topics.SITES);
    public static final EventType<StaffingChanged> STAFFING_CHANGED =
            EventType.of("nrw.ki.site.staffing-changed.v1", StaffingChanged.class, Topics.SITES);
    public static final EventType<FocusAreasChanged> FOCUS_AREAS_CHANGED =
            EventType.of("nrw.ki.site.focus-areas-changed.v1", FocusAreasChanged.class, Topics.SITES);
    public static final EventType<ContactChanged> CONTACT_CHANGED =
            EventType.of("nrw.ki.site.contact-changed.v1", ContactChanged.class, Topics.SITES);

    /** Every site event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of(REGISTERED, STATUS_CHANGED, STAFFING_CHANGED,
            FOCUS_AREAS_CHANGED, CONTACT_CHANGED);

    private SiteEventTypes() {
    }
}
