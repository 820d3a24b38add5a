package nrw.kinetz.programs;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;

/**
 * Activities on {@code ki.activities.v1} exactly as the intake publishes them: {@code ce_id} = activity id,
 * {@code ce_source} = {@code /ki/<siteId>}, key = site id; a retraction's id derived from the activity id.
 */
public final class Activities {

    private final EventPublisher publisher;

    public Activities(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public static ActivityReported activity(String site, Program program, Program.Block block, String measureId,
            LocalDate on, int participants, int volunteers, int sessions) {
        return new ActivityReported(UUID.randomUUID(), SiteId.of(site), on, Field.QUERSCHNITT, FocusArea.EHRENAMT,
                ActivityType.EHRENAMT_BEGLEITUNG, program, block, measureId,
                new ActivityMetrics(participants, volunteers, sessions, sessions * 2), null);
    }

    public ActivityReported report(ActivityReported activity) {
        publisher.publishAndWait(EventEnvelope.of(activity.activityId(), EventSource.site(activity.siteId()),
                ActivityEventTypes.REPORTED, activity.siteId().value(), activity));
        return activity;
    }

    public void retract(ActivityReported activity) {
        UUID id = UUID.nameUUIDFromBytes(("retracted/" + activity.activityId()).getBytes(StandardCharsets.UTF_8));
        publisher.publishAndWait(EventEnvelope.of(id, EventSource.site(activity.siteId()), ActivityEventTypes.RETRACTED,
                activity.siteId().value(), ActivityRetracted.of(activity, "falsch erfasst")));
    }
}
