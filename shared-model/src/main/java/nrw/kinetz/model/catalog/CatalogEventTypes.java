package nrw.kinetz.model.catalog;

import java.util.List;

import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;

/**
 * The event types of the event catalog, all on {@code ki.catalog.v1} with key and {@code ce_subject} =
 * offering id, so one offering's events stay in order.
 */
public final class CatalogEventTypes {

    public static final EventType<OfferingPublished> OFFERING_PUBLISHED =
            EventType.of("nrw.ki.catalog.offering-published.v1", OfferingPublished.class, Topics.CATALOG);
    public static final EventType<OfferingChanged> OFFERING_CHANGED =
            EventType.of("nrw.ki.catalog.offering-changed.v1", OfferingChanged.class, Topics.CATALOG);
    public static final EventType<OfferingCancelled> OFFERING_CANCELLED =
            EventType.of("nrw.ki.catalog.offering-cancelled.v1", OfferingCancelled.class, Topics.CATALOG);
    public static final EventType<OfferingCompleted> OFFERING_COMPLETED =
            EventType.of("nrw.ki.catalog.offering-completed.v1", OfferingCompleted.class, Topics.CATALOG);
    public static final EventType<RegistrationConfirmed> REGISTRATION_CONFIRMED =
            EventType.of("nrw.ki.catalog.registration-confirmed.v1", RegistrationConfirmed.class, Topics.CATALOG);
    public static final EventType<RegistrationWaitlisted> REGISTRATION_WAITLISTED =
            EventType.of("nrw.ki.catalog.registration-waitlisted.v1", RegistrationWaitlisted.class, Topics.CATALOG);
    public static final EventType<RegistrationPromoted> REGISTRATION_PROMOTED =
            EventType.of("nrw.ki.catalog.registration-promoted.v1", RegistrationPromoted.class, Topics.CATALOG);
    public static final EventType<RegistrationCancelled> REGISTRATION_CANCELLED =
            EventType.of("nrw.ki.catalog.registration-cancelled.v1", RegistrationCancelled.class, Topics.CATALOG);
    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED =
            EventType.of("nrw.ki.catalog.attendance-recorded.v1", AttendanceRecorded.class, Topics.CATALOG);

    /** Every catalog event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of(OFFERING_PUBLISHED, OFFERING_CHANGED, OFFERING_CANCELLED,
            OFFERING_COMPLETED, REGISTRATION_CONFIRMED, REGISTRATION_WAITLISTED, REGISTRATION_PROMOTED,
            REGISTRATION_CANCELLED, ATTENDANCE_RECORDED);

    private CatalogEventTypes() {
    }
}
