package nrw.kinetz.infra.position;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a read model keeps the consumer position it was built to: per consumer group and partition, the next
 * offset to read. It lives in the read model's own store, so that whatever the store loses on a crash, it
 * loses the position with it and the listener reads those records again.
 */
public interface ConsumerPositions {

    /** @return the next offset to read of those of {@code partitions} that have a stored position */
    Map<TopicPartition, Long> load(String group, Collection<TopicPartition> partitions);

    /** Moves the stored positions forward to {@code next} (never backwards). */
    void save(String group, Map<TopicPartition, Long> next);

    /**
     * @return every stored position, by group, topic and partition: it moves whenever any read model of the
     *         service has applied a record, which makes it a version of the service's read models together
     */
    Map<String, Long> all();

    /** Drops every position of {@code group}, e.g. with the read model generation it belonged to. */
    void forget(String group);
}
