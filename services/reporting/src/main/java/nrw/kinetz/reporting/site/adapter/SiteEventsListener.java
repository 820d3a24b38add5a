package nrw.kinetz.reporting.site.adapter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.reporting.site.Delivery;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.reporting.site.SiteProjection;

/**
 * Feeds {@code ki.sites.v1} into the {@link SiteProjection}. After the read model was written, the record's
 * position is kept with it ({@link KeptPositions}), and on start the listener resumes from there rather than
 * from Kafka's committed offset (docs/architecture.md#nothing-lost); a failure is retried, then
 * dead-lettered by the shared error handler.
 */
@Component
public class SiteEventsListener implements ConsumerSeekAware {

    /** The container id, for whoever needs to pause or seek it (a rebuild, a test). */
    public static final String ID = "reporting-sites";

    private static final Logger log = LoggerFactory.getLogger(SiteEventsListener.class);

    /** The types this read model uses; a new one is one line here and one {@code on} method in the projection. */
    private final Map<String, BiConsumer<EventEnvelope<?>, Delivery>> handlers;

    private final KeptPositions positions;
    private final FeedRelay feed;
    private final String group;

    public SiteEventsListener(SiteProjection projection, KeptPositions positions, FeedRelay feed,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.positions = positions;
        this.feed = feed;
        this.group = group;
        this.handlers = Map.of(
                SiteEventTypes.REGISTERED.name(),
                (event, delivery) -> projection.on(event.dataAs(SiteEventTypes.REGISTERED), delivery),
                SiteEventTypes.STATUS_CHANGED.name(),
                (event, delivery) -> projection.on(event.dataAs(SiteEventTypes.STATUS_CHANGED), delivery),
                SiteEventTypes.STAFFING_CHANGED.name(),
                (event, delivery) -> projection.on(event.dataAs(SiteEventTypes.STAFFING_CHANGED),
                        event.time().atZoneSameInstant(NetworkTime.ZONE).toLocalDate(), delivery));
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SITES)
    public void on(ConsumerRecord<String, byte[]> record) {
        Optional<String> type = CloudEventsKafka.typeOf(record.headers());
        // Other site facts (focus areas, contact) and types newer than this service are not errors:
        // they are skipped before parsing, so they never land in the dead-letter topic. A record without any
        // ce_type is not an event and goes on to be dead-lettered by fromRecord.
        if (type.isPresent() && !handlers.containsKey(type.get())) {
            log.debug("skipping {} at {}-{}@{}: not used by the sites read model", type.get(), record.topic(),
                    record.partition(), record.offset());
            return;
        }
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        handlers.get(event.type().name()).accept(event, new Delivery(event.id(), record.partition(), record.offset()));
        positions.applied(group, List.of(record));
        if (record.key() != null) {
            feed.wakeUp(List.of(SiteChanges.key(record.key())));
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }
}
