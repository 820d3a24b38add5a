package nrw.kinetz.model.activity;

import java.util.List;

import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;

/** The event types of activity intake, all on {@code ki.activities.v1} with key = site id. */
public final class ActivityEventTypes {

    /** A KI reported an activity; {@code ce_id} = the activity id. */
    public static final EventType<ActivityReported> REPORTED =
            EventType.of("nrw.ki.activity.reported.v1", ActivityReported.class, Topics.ACTIVITIES);
    /** A reported activity was withdrawn; reverses exactly what the report added. */
    public static final EventType<ActivityRetracted> RETRACTED =
            EventType.of("nrw.ki.activity.retracted.v1", ActivityRetracted.class, Topics.ACTIVITIES);

    /** Every activity event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of(REPORTED, RETRACTED);

    private ActivityEventTypes() {
    }
}
