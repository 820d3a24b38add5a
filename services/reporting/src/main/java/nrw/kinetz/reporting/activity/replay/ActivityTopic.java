package nrw.kinetz.reporting.activity.replay;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nrw.kinetz.reporting.activity.model.ActivityFact;

/**
 * {@code ki.activities.v1} read from the start, for a rebuild and a reconciliation. Positions are per
 * partition: partition → the offset of the next record to read (the Kafka convention for committed offsets).
 */
public interface ActivityTopic {

    /**
     * @return how far the consumer group's read model has applied the topic, per partition, as it keeps it with
     *         itself ({@code KeptPositions}); 0 where it keeps nothing. After a crash of the store this may lie
     *         behind the offsets committed to Kafka, and it is what the read model reflects.
     */
    Map<Integer, Long> committed(String groupId);

    /**
     * @return whether a consumer — of any instance — is a member of the group now; a member that crashed counts
     *         until the broker's session timeout has passed
     */
    boolean hasMembers(String groupId);

    /**
     * Reads from the start up to {@code until} (exclusive) without a consumer group and hands the facts over in
     * batches, in topic order per partition. Records that are not activity events or cannot be read are
     * skipped: the live listener has dead-lettered them.
     */
    public void read(Map<Integer, Long> until, Consumer<List<ActivityFact>> sink);

    /** Opens a replay from the start that commits its progress as {@code groupId}. */
    public Replay replay(String groupId);

    /** A replay that can be continued to a later target. */
    public interface Replay extends AutoCloseable {

        /**
         * Reads on until every partition has reached the target (re-evaluated between batches, so that it can
         * follow a moving one) and commits after each batch; never reads past it.
         */
        void catchUp(Supplier<Map<Integer, Long>> until, Consumer<List<ActivityFact>> sink);

        @Override
        void close();
    }
}
