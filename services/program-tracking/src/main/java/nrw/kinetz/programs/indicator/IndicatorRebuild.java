package nrw.kinetz.programs.indicator;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the contributions from {@code ki.activities.v1}: the listener is paused, the read model dropped, the
 * listener sent back to the start of the topic and resumed. Because every write is idempotent and matching to
 * measures happens when indicators are read, the rebuilt figures equal the incremental ones; the events the
 * replay announces again carry the same ids as before, so consumers count them once.
 */
@Component
class IndicatorRebuild {

    private final KafkaListenerEndpointRegistry registry;
    private final ActivitiesListener listener;
    private final ContributionStore store;

    IndicatorRebuild(KafkaListenerEndpointRegistry registry, ActivitiesListener listener, ContributionStore store) {
        this.registry = registry;
        this.listener = listener;
        this.store = store;
    }

    synchronized void start() {
        MessageListenerContainer container = registry.getListenerContainer(ActivitiesListener.ID);
        container.stop();
        store.clear();
        listener.replayOnNextAssignment();
        container.start();
    }
}
