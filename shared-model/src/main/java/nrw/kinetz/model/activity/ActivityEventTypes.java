package nrw.kinetz.model.activity;

import java.util.List;

import nrw.kinetz.model.event.EventType;

/** The event types of activity intake, all on {@code ki.activities.v1} with key = site id. */
public final class ActivityEventTypes {

    /** Every activity event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of();

    private ActivityEventTypes() {
    }
}
