package nrw.kinetz.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.ActivityType;
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
 * Activity events exactly as the intake publishes them: {@code ce_source} {@code /ki/<siteId>}, {@code ce_id} =
 * activity id, key = subject = site id; a retraction with an id derived from the activity id.
 */
public final class ActivityEvents {

    public static final String SOEST = "05974";
    public static final String DUESSELDORF = "05111";
    public static final String KOELN = "05315";
    public static final String VIERSEN = "05166";

    private ActivityEvents() {
    }

    /** A report with a fresh id. */
    public static ActivityReported report(String site, LocalDate on, FocusArea focusArea, ActivityType type, Program program,
            int participants, int volunteers, int sessions, int hours) {
        return new ActivityReported(UUID.randomUUID(), SiteId.of(site), on, focusArea.field(), focusArea, type, program, null,
                null, new ActivityMetrics(participants, volunteers, sessions, hours), null);
    }

    /** A Beratung under Frühe Bildung without programme, with the given people counts, one session of two hours. */
    public static ActivityReported report(String site, LocalDate on, int participants, int volunteers) {
        return report(site, on, FocusArea.FRUEHE_BILDUNG, ActivityType.BERATUNG, null, participants, volunteers, 1, 2);
    }

    public static EventEnvelope<ActivityReported> envelope(ActivityReported report) {
        return EventEnvelope.of(report.activityId(), EventSource.site(report.siteId()), ActivityEventTypes.REPORTED,
                report.siteId().value(), report);
    }

    public static EventEnvelope<ActivityRetracted> retraction(ActivityReported report) {
        UUID id = UUID.nameUUIDFromBytes((report.activityId() + "/retracted").getBytes(StandardCharsets.UTF_8));
        return EventEnvelope.of(id, EventSource.site(report.siteId()), ActivityEventTypes.RETRACTED, report.siteId().value(),
                ActivityRetracted.of(report, "entered twice"));
    }

    public static List<EventEnvelope<?>> envelopes(List<ActivityReported> reports) {
        return reports.stream().<EventEnvelope<?>>map(ActivityEvents::envelope).toList();
    }

    /** Publishes in order and waits until Kafka acknowledged all. */
    public static void publishAll(EventPublisher publisher, List<? extends EventEnvelope<?>> events) {
        CompletableFuture.allOf(events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS).join();
    }
}
