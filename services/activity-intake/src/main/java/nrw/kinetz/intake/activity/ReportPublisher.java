package nrw.kinetz.intake.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import nrw.kinetz.infra.kafka.EventPublicationException;
import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;

/**
 * Publishes the intake's events and waits until Kafka acknowledged every one (acks=all, idempotent
 * producer). A whole batch is sent before the first wait, so it costs about one round trip, not one per
 * activity; one deadline covers the batch, so the caller hears "unavailable" within the promised 10 s.
 */
class ReportPublisher {

    private final EventPublisher publisher;
    private final IntakeProperties properties;

    ReportPublisher(EventPublisher publisher, IntakeProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    /** @throws nrw.kinetz.infra.problem.ApplicationException 503 if any report was not acknowledged in time */
    void publishAll(List<ActivityReported> reports) {
        long deadline = System.nanoTime() + properties.publishTimeout().toNanos();
        // one ce_time for the request's reports: they were accepted together
        String time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(reports.size());
        for (ActivityReported report : reports) {
            records.add(record(report, time));
        }
        // a send that failed at once ends the list: the rest would wait just as long
        for (CompletableFuture<?> acknowledgement : publisher.publishAllRecords(records)) {
            await(acknowledgement, deadline);
        }
    }

    /** @throws nrw.kinetz.infra.problem.ApplicationException 503 if Kafka did not acknowledge in time */
    void publish(EventEnvelope<ActivityRetracted> retraction) {
        try {
            publisher.publishAndWait(retraction);
        } catch (EventPublicationException e) {
            throw Unavailable.problem("Kafka did not acknowledge the retraction: " + e.getMessage() + ".",
                    properties.retryAfter());
        }
    }

    /**
     * The CloudEvent of {@code report} at {@code time} (its id the activity's, its source and subject the site's), its
     * payload written by {@link ReportJson}.
     */
    static ProducerRecord<String, byte[]> record(ActivityReported report, String time) {
        return CloudEventsKafka.toRecord(report.activityId().toString(), EventSource.site(report.siteId()).toString(),
                ActivityEventTypes.REPORTED, time, report.siteId().value(), ReportJson.of(report));
    }

    private void await(CompletableFuture<?> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for Kafka");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw unavailable("Kafka did not acknowledge the activities: " + cause.getMessage());
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not acknowledge the activities within "
                    + properties.publishTimeout().toMillis() + " ms");
        }
    }

    private RuntimeException unavailable(String detail) {
        return Unavailable.problem(detail + ".", properties.retryAfter());
    }
}
