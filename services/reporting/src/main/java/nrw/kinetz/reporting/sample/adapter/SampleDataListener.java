package nrw.kinetz.reporting.sample.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.SampleData;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;

/**
 * Notes whether {@code ki.activities.v1} holds sample data (an activity whose note carries the
 * {@link SampleData} mark), so the dashboard can say so. Its own consumer group, so it never holds up the
 * activities read model. A malformed record is left to that read model, which dead-letters it; dead-lettering it
 * here too would put it into the dead-letter topic twice.
 *
 * <p>The position is kept with the mark ({@link KeptPositions}), written only when the mark is: a store that lost
 * the mark lost that position too, and the listener finds the mark again. Until then every start reads the topic
 * from the beginning, which costs a byte search per record and no write.
 */
@Component
public class SampleDataListener implements ConsumerSeekAware {

    public static final String ID = "reporting-sample-data";

    private static final byte[] MARK = SampleData.NOTE_PREFIX.getBytes(StandardCharsets.UTF_8);

    private final MongoSampleData sampleData;
    private final KeptPositions positions;

    public SampleDataListener(MongoSampleData sampleData, KeptPositions positions) {
        this.sampleData = sampleData;
        this.positions = positions;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }

    @KafkaListener(id = ID, groupId = "reporting.sample-data", topics = Topics.ACTIVITIES)
    public void on(ConsumerRecord<String, byte[]> record) {
        // The record first: the mark is rare, and asking the store whether it was seen already would cost a round trip
        // per record while there is none. Only this instance's memory is asked; writing the mark again changes nothing.
        if (record.value() == null || !contains(record.value(), MARK) || sampleData.knownPresent()) {
            return;
        }
        Optional<String> type = CloudEventsKafka.typeOf(record.headers());
        if (type.isEmpty() || !type.get().equals(ActivityEventTypes.REPORTED.name())) {
            return;
        }
        ActivityReported report;
        try {
            report = CloudEventsKafka.fromRecord(record).dataAs(ActivityEventTypes.REPORTED);
        } catch (MalformedEventException e) {
            return;
        }
        if (SampleData.isSample(report)) {
            sampleData.markPresent(report.activityId());
            positions.applied(record);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
