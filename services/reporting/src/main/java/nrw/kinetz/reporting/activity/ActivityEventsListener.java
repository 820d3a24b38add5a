package nrw.kinetz.reporting.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.feed.FeedRelay;

/**
 * Feeds {@code ki.activities.v1} into the active generation of the activities read model, a whole poll at a
 * time ({@code KiNetzKafkaAutoConfiguration.BATCH_FACTORY}): the projection pre-aggregates the batch per
 * cell. After the batch was written, its position is kept with the generation it was written to
 * ({@link KeptPositions}) and the feed relay is woken; on start the listener resumes from the kept position,
 * not from the offsets committed to Kafka (docs/architecture.md#nothing-lost).
 *
 * <p>The container is created here rather than by {@code @KafkaListener} because its consumer group belongs
 * to a generation ({@code reporting.activities.g2}): a rebuild stops it and starts the next generation's.
 * A record that is not a well-formed event is dead-lettered by the shared error handler; the records before
 * it in the batch are written, kept and committed first, so poison never blocks (docs/architecture.md#dlt).
 */
class ActivityEventsListener implements LiveIngestion, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivityEventsListener.class);

    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> factory;
    private final ActivityReadModel model;
    private final FeedRelay relay;
    private final KeptPositions positions;
    private final String groupPrefix;
    private volatile ConcurrentMessageListenerContainer<String, byte[]> container;
    private volatile Generation generation;

    ActivityEventsListener(ConcurrentKafkaListenerContainerFactory<String, byte[]> factory, ActivityReadModel model,
            FeedRelay relay, KeptPositions positions, String groupPrefix) {
        this.factory = factory;
        this.model = model;
        this.relay = relay;
        this.positions = positions;
        this.groupPrefix = groupPrefix;
    }

    @Override
    public String groupId(Generation generation) {
        return groupPrefix + ".activities." + generation.suffix();
    }

    /** @return the consumer group of the running listener, for whoever waits for it to catch up */
    String activeGroupId() {
        return groupId(model.activeGeneration());
    }

    @Override
    public synchronized void start() {
        start(model.activeGeneration());
    }

    @Override
    public synchronized void start(Generation target) {
        if (container != null) {
            throw new IllegalStateException("the activities listener already runs for " + generation);
        }
        ConcurrentMessageListenerContainer<String, byte[]> created = factory.createContainer(Topics.ACTIVITIES);
        created.getContainerProperties().setGroupId(groupId(target));
        created.getContainerProperties().setMessageListener(new GenerationListener(target));
        created.setBeanName("reporting-activities-" + target.suffix());
        created.start();
        container = created;
        generation = target;
        log.info("activities listener consumes {} as {}", Topics.ACTIVITIES, groupId(target));
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** Applies one poll to the active generation, as the container does; package-private for tests of redelivery. */
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        onBatch(records, model.activeGeneration());
    }

    private void onBatch(List<ConsumerRecord<String, byte[]>> records, Generation target) {
        ActivityProjection projection = new ActivityProjection(model.store(target, true));
        List<ActivityFact> facts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                Optional<ActivityFact> fact = KafkaActivityRecords.fact(records.get(i));
                fact.ifPresent(facts::add);
            } catch (MalformedEventException e) {
                applyAndAnnounce(projection, facts);
                if (i > 0) {
                    positions.applied(groupId(target), records.subList(0, i));
                }
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        applyAndAnnounce(projection, facts);
        positions.applied(groupId(target), records);
    }

    /** The container's listener for one generation; it seeks to that generation's kept position on assignment. */
    private final class GenerationListener implements BatchMessageListener<String, byte[]>, ConsumerSeekAware {

        private final Generation target;

        GenerationListener(Generation target) {
            this.target = target;
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
            onBatch(records, target);
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            positions.seek(assignments, callback);
        }
    }

    private void applyAndAnnounce(ActivityProjection projection, List<ActivityFact> facts) {
        Set<CellKey> written = projection.apply(facts);
        if (!written.isEmpty()) {
            relay.wakeUp(written.stream().map(CellKey::value).toList());
        }
    }
}
