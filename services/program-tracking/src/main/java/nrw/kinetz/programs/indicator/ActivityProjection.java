package nrw.kinetz.programs.indicator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;

/**
 * The projection of {@code ki.activities.v1} into the read model "contributions" and, from it, the indicators.
 * Activities that name neither a programme nor a measure are not program tracking's business and are skipped.
 * Idempotent: the same event applied twice changes nothing and announces nothing twice; the
 * {@code IndicatorProgressed} event of an activity has an id derived from the activity's event id, so even a
 * rebuild that announces again repeats the same {@code ce_id}.
 */
@Component
class ActivityProjection {

    private final ContributionStore store;
    private final LateActivities late;
    private final Announcer announcer;
    private final PendingEventsSignal relay;

    ActivityProjection(ContributionStore store, LateActivities late, Announcer announcer, PendingEventsSignal relay) {
        this.store = store;
        this.late = late;
        this.announcer = announcer;
        this.relay = relay;
    }

    /** Applies the events in order in one store round trip; returns how many concerned program tracking. */
    int apply(List<EventEnvelope<?>> events) {
        ContributionStore.Batch batch = store.batch();
        List<LateActivities.Change> changes = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            long time = event.time().toInstant().toEpochMilli();
            if (event.type().equals(ActivityEventTypes.REPORTED)) {
                ActivityReported a = event.dataAs(ActivityEventTypes.REPORTED);
                if (a.program() == null && a.measureId() == null) {
                    continue;
                }
                Contribution c = new Contribution(a.activityId(), a.siteId(), a.program(), a.block(), a.measureId(),
                        a.occurredOn(), a.metrics(), time, null);
                batch.reported(c, progressed(c, false, event.id()));
                changes.add(new LateActivities.Change(c, false, time, event.id()));
            } else if (event.type().equals(ActivityEventTypes.RETRACTED)) {
                ActivityRetracted a = event.dataAs(ActivityEventTypes.RETRACTED);
                if (a.program() == null && a.measureId() == null) {
                    continue;
                }
                Contribution c = new Contribution(a.activityId(), a.siteId(), a.program(), a.block(), a.measureId(),
                        a.occurredOn(), a.metrics(), time, time);
                batch.retracted(c, progressed(c, true, event.id()));
                changes.add(new LateActivities.Change(c, true, time, event.id()));
            }
        }
        batch.execute();
        if (!changes.isEmpty()) {
            late.taken(changes);
            relay.eventsPending();
        }
        return changes.size();
    }

    /** What the activity changes in its programme's indicators; null where no programme is named. */
    private EventEnvelope<?> progressed(Contribution c, boolean retraction, UUID activityEventId) {
        if (c.program() == null) {
            return null;
        }
        Map<Indicator, Long> changes = new EnumMap<>(Indicator.class);
        for (Indicator indicator : ProgramCatalogue.terms(c.program()).indicators(c.block(), c.budgetYear())) {
            long value = indicator.source().of(c.metrics());
            changes.put(indicator, retraction ? -value : value);
        }
        UUID id = UUID.nameUUIDFromBytes(("indicator-progressed/" + activityEventId).getBytes(StandardCharsets.UTF_8));
        return announcer.announce(c.siteId(), ProgramEventTypes.INDICATOR_PROGRESSED, new IndicatorProgressed(c.siteId(),
                c.program(), c.block(), c.budgetYear(), c.measureId(), c.activityId(), retraction, changes), id);
    }
}
