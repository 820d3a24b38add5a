package nrw.kinetz.reporting.catalog.adapter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.catalog.OfferingDetails;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.reporting.catalog.adapter.CatalogChanges;

/**
 * Projects {@code ki.catalog.v1} into the read model "catalog" ({@link MongoCatalogOfferings}), a whole poll per call:
 * the poll's changes go to the store in one ordered bulk write, then the records' positions are kept with the read
 * model ({@link KeptPositions}) and the feed is woken once for the offerings they changed. On start the listener resumes
 * from the kept positions (docs/architecture.md#nothing-lost). A record that cannot be read or applied goes to the
 * dead-letter topic after the records before it were applied (the shared error handler); a failing write is retried.
 * Types newer than this service are skipped, not dead-lettered.
 */
@Component
public class CatalogEventsListener implements ConsumerSeekAware {

    public static final String ID = "reporting-catalog";

    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final MongoCatalogOfferings offerings;
    private final Map<String, BiConsumer<MongoCatalogOfferings.Batch, EventEnvelope<?>>> handlers;
    private final KeptPositions positions;
    private final String group;

    private final FeedRelay feed;

    public CatalogEventsListener(MongoCatalogOfferings offerings, KeptPositions positions, FeedRelay feed,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.offerings = offerings;
        this.positions = positions;
        this.feed = feed;
        this.group = group;
        this.handlers = Map.of(
                CatalogEventTypes.OFFERING_PUBLISHED.name(),
                (batch, event) -> details(batch, event.dataAs(CatalogEventTypes.OFFERING_PUBLISHED).offering(), "PUBLISHED"),
                CatalogEventTypes.OFFERING_CHANGED.name(),
                (batch, event) -> details(batch, event.dataAs(CatalogEventTypes.OFFERING_CHANGED).offering(), "PUBLISHED"),
                CatalogEventTypes.OFFERING_CANCELLED.name(),
                (batch, event) -> batch.status(event.subject(), "CANCELLED"),
                CatalogEventTypes.OFFERING_COMPLETED.name(),
                (batch, event) -> batch.status(event.subject(), "COMPLETED"),
                CatalogEventTypes.REGISTRATION_CONFIRMED.name(),
                (batch, event) -> batch.confirmed(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_CONFIRMED).registrationId()),
                CatalogEventTypes.REGISTRATION_PROMOTED.name(),
                (batch, event) -> batch.confirmed(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_PROMOTED).registrationId()),
                CatalogEventTypes.REGISTRATION_WAITLISTED.name(),
                (batch, event) -> batch.waitlisted(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_WAITLISTED).registrationId()),
                CatalogEventTypes.REGISTRATION_CANCELLED.name(),
                (batch, event) -> batch.cancelled(event.subject(), event.dataAs(CatalogEventTypes.REGISTRATION_CANCELLED).registrationId()),
                CatalogEventTypes.ATTENDANCE_RECORDED.name(),
                (batch, event) -> {
                    var attendance = event.dataAs(CatalogEventTypes.ATTENDANCE_RECORDED);
                    batch.attended(event.subject(), attendance.registrationId(), attendance.session());
                });
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CATALOG,
            containerFactory = KiNetzKafkaAutoConfiguration.BATCH_FACTORY)
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        MongoCatalogOfferings.Batch batch = offerings.batch();
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Optional<String> type = CloudEventsKafka.typeOf(record.headers());
            if (type.isPresent() && !handlers.containsKey(type.get())) {
                log.debug("skipping {} at {}-{}@{}: not used by the catalog read model", type.get(), record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            try {
                EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
                handlers.get(event.type().name()).accept(batch, event);
                changed.add(CatalogChanges.key(event.subject()));
            } catch (RuntimeException e) {
                // The changes of the records before it are kept; this one goes to the dead-letter topic.
                applied(batch, changed, records.subList(0, i));
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        applied(batch, changed, records);
    }

    private void applied(MongoCatalogOfferings.Batch batch, Set<String> changed, List<ConsumerRecord<String, byte[]>> records) {
        batch.execute();
        if (!records.isEmpty()) {
            positions.applied(group, records);
        }
        if (!changed.isEmpty()) {
            feed.wakeUp(List.copyOf(changed));
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }

    private static void details(MongoCatalogOfferings.Batch batch, OfferingDetails offering, String status) {
        String month = offering.sessions().get(0).start().atZoneSameInstant(NetworkTime.ZONE).toLocalDate().toString().substring(0, 7);
        batch.details(offering.offeringId(), offering.organiserSite() == null ? null : offering.organiserSite().value(),
                offering.type().name(), offering.focusArea().name(), month, offering.capacity(), offering.sessions().size(),
                status);
    }
}
