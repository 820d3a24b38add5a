package nrw.kinetz.programs.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.programs.outbox.PendingEventsSignal;

/**
 * Rebuilds the contributions from {@code ki.activities.v1}: the listener is stopped, the events still waiting in
 * the read model are published, how far the listener had read is remembered ({@link AnnouncedActivities}), the
 * read model is dropped together with the position kept with it, and the listener is started again, which
 * therefore reads the topic from its beginning. Because every write is idempotent and matching to measures happens
 * when indicators are read, the rebuilt figures equal the incremental ones; and because the records read before are
 * taken in without announcing them again, the rebuild puts no {@code IndicatorProgressed} twice on
 * {@code ki.programs.v1}. Activities the listener had not read yet are announced as always.
 */
@Component
class IndicatorRebuild {

    private final KafkaListenerEndpointRegistry registry;
    private final ActivitiesListener listener;
    private final ContributionStore store;
    private final KeptPositions positions;
    private final AnnouncedActivities announced;
    private final PendingEventsSignal relay;
    private final KafkaAdmin kafka;

    IndicatorRebuild(KafkaListenerEndpointRegistry registry, ActivitiesListener listener, ContributionStore store,
            KeptPositions positions, AnnouncedActivities announced, PendingEventsSignal relay, KafkaAdmin kafka) {
        this.registry = registry;
        this.listener = listener;
        this.store = store;
        this.positions = positions;
        this.announced = announced;
        this.relay = relay;
        this.kafka = kafka;
    }

    /**
     * @throws ApplicationException (503) if events of the read model could not be published now (the broker is
     *                              away): dropping them would lose them, so the read model stays as it is
     */
    synchronized void start() {
        MessageListenerContainer container = registry.getListenerContainer(ActivitiesListener.ID);
        container.stop();
        if (!relay.relayNow()) {
            container.start();
            throw ApplicationException.of(Kind.UNAVAILABLE, "indicators.rebuild-events-pending",
                    "Program events are still waiting to be published; the indicators are not rebuilt. Try again later.");
        }
        int partitions = kafka.describeTopics(Topics.ACTIVITIES).get(Topics.ACTIVITIES).partitions().size();
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(Topics.ACTIVITIES, p)).toList();
        Map<Integer, Long> read = new HashMap<>();
        positions.kept(listener.group(), all).forEach((partition, next) -> read.put(partition.partition(), next));
        // A rebuild interrupted before it caught up: what the one before had read counts as announced too.
        for (int partition = 0; partition < partitions; partition++) {
            long before = announced.until(partition);
            read.merge(partition, before, Math::max);
        }
        announced.replace(read);
        store.clear();
        positions.forget(listener.group());
        container.start();
    }
}
