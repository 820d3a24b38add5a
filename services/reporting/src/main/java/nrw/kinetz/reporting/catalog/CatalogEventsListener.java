package nrw.kinetz.reporting.catalog;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingDetails;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.feed.FeedRelay;

/**
 * Projects {@code ki.catalog.v1} into the read model "catalog" ({@link MongoCatalogOfferings}). After the read model was
 * written, the record's position is kept with it ({@link KeptPositions}), and on start the listener resumes from
 * there (docs/architecture.md#nothing-lost); a failure is retried, then dead-lettered by the shared error handler.
 * Types newer than this service are skipped, not dead-lettered.
 */
@Component
class CatalogEventsListener implements ConsumerSeekAware {

    static final String ID = "reporting-catalog";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final Map<String, Consumer<EventEnvelope<?>>> handlers;
    private final KeptPositions positions;
    private final String group;

    private final FeedRelay feed;

    CatalogEventsListener(MongoCatalogOfferings offerings, KeptPositions positions, FeedRelay feed,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.positions = positions;
        this.feed = feed;
        this.group = group;
        this.handlers = Map.of(
                CatalogEventTypes.OFFERING_PUBLISHED.name(),
                event -> details(offerings, event.dataAs(CatalogEventTypes.OFFERING_PUBLISHED).offering(), "PUBLISHED"),
                CatalogEventTypes.OFFERING_CHANGED.name(),
                event -> details(offerings, event.dataAs(CatalogEventTypes.OFFERING_CHANGED).offering(), "PUBLISHED"),
                CatalogEventTypes.OFFERING_CANCELLED.name(),
                event -> offerings.status(event.subject(), "CANCELLED"),
                CatalogEventTypes.OFFERING_COMPLETED.name(),
                event -> offerings.status(event.subject(), "COMPLETED"),
                CatalogEventTypes.REGISTRATION_CONFIRMED.name(),
                event -> offerings.confirmed(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_CONFIRMED).registrationId()),
                CatalogEventTypes.REGISTRATION_PROMOTED.name(),
                event -> offerings.confirmed(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_PROMOTED).registrationId()),
                CatalogEventTypes.REGISTRATION_WAITLISTED.name(),
                event -> offerings.waitlisted(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_WAITLISTED).registrationId()),
                CatalogEventTypes.REGISTRATION_CANCELLED.name(),
                event -> offerings.cancelled(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_CANCELLED).registrationId()),
                CatalogEventTypes.ATTENDANCE_RECORDED.name(),
                event -> {
                    var attendance = event.dataAs(CatalogEventTypes.ATTENDANCE_RECORDED);
                    offerings.attended(event.subject(), attendance.registrationId(), attendance.session());
                });
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CATALOG)
    void on(ConsumerRecord<String, byte[]> record) {
        Optional<String> type = CloudEventsKafka.typeOf(record.headers());
        if (type.isPresent() && !handlers.containsKey(type.get())) {
            log.debug("skipping {} at {}-{}@{}: not used by the catalog read model", type.get(), record.topic(),
                    record.partition(), record.offset());
            positions.applied(group, List.of(record));
            return;
        }
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        handlers.get(event.type().name()).accept(event);
        positions.applied(group, List.of(record));
        feed.wakeUp(List.of(CatalogChanges.key(event.subject())));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }

    private static void details(MongoCatalogOfferings offerings, OfferingDetails offering, String status) {
        String month = offering.sessions().get(0).start().atZoneSameInstant(BERLIN).toLocalDate().toString().substring(0, 7);
        offerings.details(offering.offeringId(), offering.organiserSite() == null ? null : offering.organiserSite().value(),
                offering.type().name(), offering.focusArea().name(), month, offering.capacity(), offering.sessions().size(),
                status);
    }
}
