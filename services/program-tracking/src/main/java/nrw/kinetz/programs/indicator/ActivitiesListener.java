package nrw.kinetz.programs.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;

/**
 * Feeds {@code ki.activities.v1} into the {@link ActivityProjection}, a whole poll per call. The offsets are
 * committed after this returns, i.e. after the read model was written; a record that is not a well-formed event
 * goes to the dead-letter topic after the records before it were applied. A rebuild starts it again at the beginning of the topic.
 */
@Component
class ActivitiesListener extends AbstractConsumerSeekAware {

    static final String ID = "program-tracking-activities";

    private final ActivityProjection projection;
    private final AtomicBoolean fromStart = new AtomicBoolean();

    ActivitiesListener(ActivityProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ACTIVITIES,
            containerFactory = KiNetzKafkaAutoConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope<?>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Optional<String> type = CloudEventsKafka.typeOf(record.headers());
            // Types newer than this service are skipped before parsing, so they never land in the dead-letter topic.
            if (type.isPresent() && !type.get().equals(ActivityEventTypes.REPORTED.name())
                    && !type.get().equals(ActivityEventTypes.RETRACTED.name())) {
                continue;
            }
            try {
                events.add(CloudEventsKafka.fromRecord(record));
            } catch (MalformedEventException e) {
                projection.apply(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        projection.apply(events);
    }

    /** The next partition assignment (the container's restart) starts reading at the beginning of the topic. */
    void replayOnNextAssignment() {
        fromStart.set(true);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        if (!assignments.isEmpty() && fromStart.getAndSet(false)) {
            callback.seekToBeginning(assignments.keySet());
        }
    }
}
