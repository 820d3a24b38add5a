package nrw.kinetz.model.aggregate;

import java.util.List;

import nrw.kinetz.model.event.EventType;
import nrw.kinetz.model.event.Topics;

/** The event types of reporting's aggregates, on the compacted topic {@code laki.aggregates.v1} with key = aggregate key. */
public final class AggregateEventTypes {

    /** An aggregate's current value changed; the record holds the whole new value. */
    public static final EventType<AggregateUpdated> UPDATED =
            EventType.of("nrw.ki.aggregate.updated.v1", AggregateUpdated.class, Topics.AGGREGATES);

    /**
     * Version 2: whole counts and exact decimals (money, full-time equivalents) as strings. It is the type
     * for measures that have decimals; version 1 stays for those that only count.
     */
    public static final EventType<AggregateUpdatedV2> UPDATED_V2 =
            EventType.of("nrw.ki.aggregate.updated.v2", AggregateUpdatedV2.class, Topics.AGGREGATES);

    /** Every aggregate event type; {@link nrw.kinetz.model.event.EventTypes} collects these lists. */
    public static final List<EventType<?>> ALL = List.of(UPDATED, UPDATED_V2);

    private AggregateEventTypes() {
    }
}
