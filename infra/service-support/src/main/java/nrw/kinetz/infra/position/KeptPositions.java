package nrw.kinetz.infra.position;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.kafka.support.KafkaUtils;

/**
 * A read model keeps its consumer position with itself instead of trusting the offsets committed to Kafka.
 *
 * <p>Kafka's committed offsets survive a crash of the read model's store; the store may not keep its last
 * writes (the embedded store loses at most its last commit interval, a MongoDB without journaled majority
 * writes its unacknowledged tail). A listener that resumed from Kafka's offsets would then never re-read the
 * records whose effect was lost. So the position is stored in the read model's own store, written after
 * the documents it covers; on partition assignment the listener seeks to it. Whatever the store lost, it
 * lost the position with it (writes are kept as a prefix), the listener re-reads those records, and the
 * read model's own checks — the offset kept on each document as its version, the ledger of ids — drop
 * what it has already applied, so every record lands exactly once. Offsets are still committed to Kafka,
 * for lag monitoring; they no longer decide where a listener resumes.
 *
 * <p>How a listener uses it (the group id comes from the listener container's consumer thread, so a
 * generation of a read model with its own group has its own positions):
 * <pre>
 * class FooListener implements ConsumerSeekAware {
 *     public void onPartitionsAssigned(Map&lt;TopicPartition, Long&gt; assignments, ConsumerSeekCallback callback) {
 *         positions.seek(assignments, callback);
 *     }
 *     &#64;KafkaListener(topics = "...")
 *     void on(ConsumerRecord&lt;String, byte[]&gt; record) {
 *         projection.apply(...);        // the read model's documents first
 *         positions.applied(record);    // then the position that covers them
 *     }
 * }
 * </pre>
 * A partition without a stored position is read from its beginning: a read model without a position is
 * empty, or was built before it kept one; either way the checks make the replay harmless.
 */
public final class KeptPositions {

    private static final Logger log = LoggerFactory.getLogger(KeptPositions.class);

    private final ConsumerPositions store;

    public KeptPositions(ConsumerPositions store) {
        this.store = store;
    }

    /** Seeks every assigned partition to the stored position, or to its beginning if there is none. */
    public void seek(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        String group = currentGroup();
        Map<TopicPartition, Long> stored = store.load(group, assignments.keySet());
        for (TopicPartition partition : assignments.keySet()) {
            Long next = stored.get(partition);
            if (next == null) {
                callback.seekToBeginning(List.of(partition));
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        }
        log.info("{} resumes from its kept positions {} (Kafka had {}; partitions without one from the beginning)",
                group, new TreeMap<>(asText(stored)), new TreeMap<>(asText(assignments)));
    }

    /** Records that everything up to and including these records is in the read model. */
    public void applied(Collection<? extends ConsumerRecord<?, ?>> records) {
        applied(currentGroup(), records);
    }

    /** Records that everything up to and including this record is in the read model. */
    public void applied(ConsumerRecord<?, ?> record) {
        applied(List.of(record));
    }

    /** As {@link #applied(Collection)}, for a reader outside a listener container that names its group. */
    public void applied(String group, Collection<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        store.save(group, next);
    }

    /** Moves the kept positions of {@code group} to {@code next}, e.g. for a replay that read up to there. */
    public void advance(String group, Map<TopicPartition, Long> next) {
        store.save(group, next);
    }

    /** @return the kept next offsets of {@code group} for those of {@code partitions} that have one */
    public Map<TopicPartition, Long> kept(String group, Collection<TopicPartition> partitions) {
        return store.load(group, partitions);
    }

    /** Drops the positions of {@code group} together with the read model (generation) they belonged to. */
    public void forget(String group) {
        store.forget(group);
    }

    private static String currentGroup() {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            throw new IllegalStateException("kept positions are used on a listener container's consumer thread,"
                    + " or with an explicit group");
        }
        return group;
    }

    private static Map<String, Long> asText(Map<TopicPartition, Long> positions) {
        Map<String, Long> text = new TreeMap<>();
        positions.forEach((partition, offset) -> text.put(partition.toString(), offset));
        return text;
    }
}
