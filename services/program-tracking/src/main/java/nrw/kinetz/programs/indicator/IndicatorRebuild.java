package nrw.kinetz.programs.indicator;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.position.KeptPositions;

/**
 * Rebuilds the contributions from {@code ki.activities.v1}: the listener is stopped, the read model dropped
 * together with the position kept with it, and the listener started again, which therefore reads the topic from
 * its beginning. Because every write is idempotent and matching to measures happens when indicators are read,
 * the rebuilt figures equal the incremental ones; the events the replay announces again carry the same ids as
 * before, so consumers count them once.
 */
@Component
class IndicatorRebuild {

    private final KafkaListenerEndpointRegistry registry;
    private final ActivitiesListener listener;
    private final ContributionStore store;
    private final KeptPositions positions;

    IndicatorRebuild(KafkaListenerEndpointRegistry registry, ActivitiesListener listener, ContributionStore store,
            KeptPositions positions) {
        this.registry = registry;
        this.listener = listener;
        this.store = store;
        this.positions = positions;
    }

    synchronized void start() {
        MessageListenerContainer container = registry.getListenerContainer(ActivitiesListener.ID);
        container.stop();
        store.clear();
        positions.forget(listener.group());
        container.start();
    }
}
