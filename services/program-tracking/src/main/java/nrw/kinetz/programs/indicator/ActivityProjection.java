package nrw.kinetz.programs.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.outbox.StoredEvent;

/**
 * The projection of {@code ki.activities.v1} into the read model "contributions" and, from it, the indicators.
 * Activities that name neither a programme nor a measure are not program tracking's business and are skipped.
 * Idempotent: the same event applied twice changes nothing and announces nothing twice; a rebuild does not
 * announce again what it reads a second time ({@link IndicatorRebuild}), and the {@code IndicatorProgressed} event
 * of an activity has an id derived from the activity's event id besides, so consumers would count it once anyway.
 */
@Component
class ActivityProjection {

    /** An activity's {@code IndicatorProgressed} has the name-based id of this and the activity event's id. */
    private static final byte[] PROGRESS_ID_PREFIX = "indicator-progressed/".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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
        return apply(events, event -> false);
    }

    /**
     * As {@link #apply(List)}; the events {@code announcedBefore} names are taken into the figures without an
     * {@code IndicatorProgressed}: a rebuild reads them again, and their progress is on {@code ki.programs.v1} already.
     */
    int apply(List<EventEnvelope<?>> events, Predicate<EventEnvelope<?>> announcedBefore) {
        ContributionStore.Batch batch = store.batch();
        List<LateActivities.Change> changes = new ArrayList<>();
        // One instant for the poll's IndicatorProgressed events: they are announced together.
        String now = announcer.now().toString();
        // The indicators of a programme, block and year, looked up once per poll rather than per activity.
        Map<Terms, Indicator[]> indicators = new HashMap<>();
        for (EventEnvelope<?> event : events) {
            long time = event.time().toInstant().toEpochMilli();
            if (event.type().equals(ActivityEventTypes.REPORTED)) {
                ActivityReported a = event.dataAs(ActivityEventTypes.REPORTED);
                if (a.program() == null && a.measureId() == null) {
                    continue;
                }
                Contribution c = new Contribution(a.activityId(), a.siteId(), a.program(), a.block(), a.measureId(),
                        a.occurredOn(), a.metrics(), time, null);
                StoredEvent progress = announcedBefore.test(event) ? null : progressed(c, false, event.id(), now, indicators);
                batch.reported(c, progress);
                changes.add(new LateActivities.Change(c, false, time, event.id()));
            } else if (event.type().equals(ActivityEventTypes.RETRACTED)) {
                ActivityRetracted a = event.dataAs(ActivityEventTypes.RETRACTED);
                if (a.program() == null && a.measureId() == null) {
                    continue;
                }
                Contribution c = new Contribution(a.activityId(), a.siteId(), a.program(), a.block(), a.measureId(),
                        a.occurredOn(), a.metrics(), time, time);
                StoredEvent progress = announcedBefore.test(event) ? null : progressed(c, true, event.id(), now, indicators);
                batch.retracted(c, progress);
                changes.add(new LateActivities.Change(c, true, time, event.id()));
            }
        }
        relay.withoutSearch(batch::execute);
        if (!batch.announced().isEmpty()) {
            relay.eventsStored(ContributionStore.ANNOUNCEMENTS, batch.announced());
        }
        if (!batch.retractionsAnnouncing().isEmpty()) {
            relay.eventsPending(ContributionStore.COLLECTION, batch.retractionsAnnouncing());
        }
        if (!changes.isEmpty() && late.taken(changes)) {
            relay.eventsPending();
        }
        return changes.size();
    }

    /**
     * The {@code IndicatorProgressed} of the activity, as stored: what it changes in its programme's indicators; null
     * where no programme is named.
     */
    private StoredEvent progressed(Contribution c, boolean retraction, UUID activityEventId, String now,
            Map<Terms, Indicator[]> indicators) {
        if (c.program() == null) {
            return null;
        }
        Indicator[] moved = indicators.computeIfAbsent(new Terms(c.program(), c.block(), c.budgetYear()),
                t -> ProgressJson.ordered(ProgramCatalogue.terms(t.program()).indicators(t.block(), t.budgetYear())));
        UUID id = NameBasedIds.of(PROGRESS_ID_PREFIX, activityEventId);
        return announcer.announceStored(c.siteId(), ProgramEventTypes.INDICATOR_PROGRESSED,
                ProgressJson.of(c, retraction, moved), id, now);
    }

    /** What decides which indicators an activity moves. */
    private record Terms(Program program, Program.Block block, int budgetYear) {
    }
}
