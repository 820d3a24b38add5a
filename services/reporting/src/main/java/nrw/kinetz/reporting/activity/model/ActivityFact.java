package nrw.kinetz.reporting.activity.model;

import java.util.Objects;
import java.util.UUID;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;

/**
 * A report or a retraction as the projection needs it: which activity, which cell, which numbers, and where
 * the record sits in the topic.
 *
 * @param activityId the activity (the report's {@code ce_id}); reports and retractions of one activity share it
 * @param kind       report or retraction
 * @param key        the cell the event's site, date and codes point to
 * @param tally      the event's numbers (for a retraction: those of the report it names, as it repeats them)
 * @param at         where the record sits
 */
public record ActivityFact(UUID activityId, Kind kind, CellKey key, Tally tally, Position at) {

    public enum Kind {
        REPORTED, RETRACTED
    }

    public ActivityFact {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(at, "at");
    }

    public static ActivityFact of(ActivityReported event, Position at) {
        return new ActivityFact(event.activityId(), Kind.REPORTED, new CellKey(event.siteId(), Period.monthOf(event.occurredOn()),
                event.focusArea(), event.activityType(), event.program()), Tally.of(event.metrics()), at);
    }

    public static ActivityFact of(ActivityRetracted event, Position at) {
        return new ActivityFact(event.activityId(), Kind.RETRACTED, new CellKey(event.siteId(), Period.monthOf(event.occurredOn()),
                event.focusArea(), event.activityType(), event.program()), Tally.of(event.metrics()), at);
    }
}
