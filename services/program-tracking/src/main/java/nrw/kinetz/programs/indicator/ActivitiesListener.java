package nrw.kinetz.programs.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.kafka.KiNetzKafkaAutoConfiguration;
import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.infra.trace.RecordTraces;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;

/**
 * Feeds {@code ki.activities.v1} into the {@link ActivityProjection}, a whole poll per call. After the read
 * model was written, the position is kept with it ({@link KeptPositions}) and the listener resumes from there on
 * start, so whatever the store lost in a crash is read again. Records read before the last rebuild
 * ({@link AnnouncedActivities}) are taken in without announcing their indicator progress again. A record that is not a well-formed event goes to the
 * dead-letter topic after the records before it were applied.
 */
@Component
class ActivitiesListener implements ConsumerSeekAware {

    static final String ID = "program-tracking-activities";

    private final ActivityProjection projection;
    private final KeptPositions positions;
    private final AnnouncedActivities announced;
    private final String group;
    private final RecordTraces traces;

    ActivitiesListener(ActivityProjection projection, KeptPositions positions, AnnouncedActivities announced,
            @Value("${spring.kafka.consumer.group-id}") String group, RecordTraces traces) {
        this.traces = traces;
        this.projection = projection;
        this.announced = announced;
        this.positions = positions;
        this.group = group;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ACTIVITIES,
            containerFactory = KiNetzKafkaAutoConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope<?>> events = new ArrayList<>(records.size());
        Set<EventEnvelope<?>> announcedBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Optional<String> type = CloudEventsKafka.typeOf(record.headers());
            // Types newer than this service are skipped before parsing, so they never land in the dead-letter topic.
            if (type.isPresent() && !type.get().equals(ActivityEventTypes.REPORTED.name())
                    && !type.get().equals(ActivityEventTypes.RETRACTED.name())) {
                continue;
            }
            try {
                // in the trace of the request that reported it (a batch listener gets no span per record)
                EventEnvelope<?> event = traces.inTraceOf(record, "program-tracking activity",
                        () -> CloudEventsKafka.fromRecord(record));
                events.add(event);
                if (announced.announced(record.partition(), record.offset())) {
                    announcedBefore.add(event);
                }
            } catch (MalformedEventException e) {
                applied(events, announcedBefore, records.subList(0, i));
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        applied(events, announcedBefore, records);
    }

    private void applied(List<EventEnvelope<?>> events, Set<EventEnvelope<?>> announcedBefore,
            List<ConsumerRecord<String, byte[]>> records) {
        projection.apply(events, announcedBefore::contains);
        if (!records.isEmpty()) {
            positions.applied(group, records);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }

    /** The consumer group whose positions this listener keeps. */
    String group() {
        return group;
    }
}
