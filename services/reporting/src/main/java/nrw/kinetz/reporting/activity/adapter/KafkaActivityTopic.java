package nrw.kinetz.reporting.activity.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.replay.ActivityTopic;

/**
 * {@code ki.activities.v1} through plain consumers with assigned partitions (no group membership, so a
 * replay never takes partitions away from the live listener).
 */
public final class KafkaActivityTopic implements ActivityTopic, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaActivityTopic.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA = Duration.ofSeconds(10);
    private static final int REPLAY_POLL_RECORDS = 5000;
    private static final int REPLAY_FETCH_WAIT_MS = 10;
    /** Facts handed to the projection at once during a replay. */
    public static final int REPLAY_BATCH = 20_000;

    private final ConsumerFactory<String, byte[]> consumers;
    private final Admin admin;
    private final KeptPositions positions;

    /**
     * @param adminConfig the settings of the application's {@code KafkaAdmin}, for reading the topic's partitions
     * @param positions   where a replay keeps how far its generation has read, with the generation
     */
    public KafkaActivityTopic(ConsumerFactory<String, byte[]> consumers, Map<String, Object> adminConfig,
            KeptPositions positions) {
        this.consumers = consumers;
        this.admin = Admin.create(adminConfig);
        this.positions = positions;
    }

    @Override
    public Map<Integer, Long> committed(String groupId) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ACTIVITIES)).allTopicNames()
                    .get(METADATA.toMillis(), TimeUnit.MILLISECONDS).get(Topics.ACTIVITIES).partitions().stream()
                    .map(p -> new TopicPartition(Topics.ACTIVITIES, p.partition())).toList();
            Map<Integer, Long> offsets = new HashMap<>();
            positions.kept(groupId, partitions).forEach((tp, next) -> offsets.put(tp.partition(), next));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partitions of " + Topics.ACTIVITIES, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the partitions of " + Topics.ACTIVITIES + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasMembers(String groupId) {
        try {
            return !admin.describeConsumerGroups(List.of(groupId)).all().get(METADATA.toMillis(), TimeUnit.MILLISECONDS)
                    .get(groupId).members().isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing consumer group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer group " + groupId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    @Override
    public void read(Map<Integer, Long> until, Consumer<List<ActivityFact>> sink) {
        try (Replay replay = new KafkaReplay("reporting-reconciliation-" + UUID.randomUUID(), false)) {
            replay.catchUp(() -> until, sink);
        }
    }

    @Override
    public Replay replay(String groupId) {
        return new KafkaReplay(groupId, true);
    }

    private static List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer) {
        return consumer.partitionsFor(Topics.ACTIVITIES, METADATA).stream()
                .map(p -> new TopicPartition(Topics.ACTIVITIES, p.partition())).toList();
    }

    private final class KafkaReplay implements Replay {

        private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions;
        private final boolean commit;
        private final String groupId;
        /** The end of each partition's log as last asked. */
        private Map<TopicPartition, Long> end = Map.of();

        KafkaReplay(String groupId, boolean commit) {
            this.groupId = groupId;
            Properties overrides = new Properties();
            // Bigger polls mean fewer, larger store batches: a replay is limited by the store's writes, not by Kafka.
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REPLAY_POLL_RECORDS);
            // A replay reads what is in the log and stops at its end, so a fetch that finds nothing new need not
            // wait on the broker for records: the default half second would hold up whatever the consumer asks the
            // broker next on that connection — positions, the end of the log, closing its fetch session.
            overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, REPLAY_FETCH_WAIT_MS);
            this.consumer = consumers.createConsumer(groupId, null, "-replay", overrides);
            this.commit = commit;
            this.partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        @Override
        public void catchUp(Supplier<Map<Integer, Long>> until, Consumer<List<ActivityFact>> sink) {
            List<ActivityFact> facts = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
            while (true) {
                Map<TopicPartition, Long> target = target(until.get());
                boolean reached = partitions.stream().allMatch(tp -> consumer.position(tp) >= target.get(tp));
                if (reached || facts.size() >= REPLAY_BATCH) {
                    // At the end the positions of every partition are kept below, which include what the batch covered.
                    hand(facts, consumed, sink, !reached);
                }
                if (reached) {
                    if (commit) {
                        keep(partitions.stream().collect(Collectors.toMap(tp -> tp,
                                tp -> new OffsetAndMetadata(consumer.position(tp)))));
                    }
                    return;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (TopicPartition tp : records.partitions()) {
                    long limit = target.get(tp);
                    for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                        if (record.offset() >= limit) {
                            break;
                        }
                        read(record, facts);
                        consumed.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (consumer.position(tp) > limit) {
                        // Fetched past the target: read those records when the target has moved past them.
                        consumer.seek(tp, limit);
                    }
                }
            }
        }

        /**
         * Hands several polls over as one batch: the projection asks the ledger and writes its pages once per batch, so
         * bigger batches mean fewer round trips; then commits what the batch covered, unless the caller keeps every position next.
         */
        private void hand(List<ActivityFact> facts, Map<TopicPartition, OffsetAndMetadata> consumed,
                Consumer<List<ActivityFact>> sink, boolean keepConsumed) {
            if (!facts.isEmpty()) {
                sink.accept(List.copyOf(facts));
                facts.clear();
            }
            if (commit && keepConsumed && !consumed.isEmpty()) {
                keep(consumed);
            }
            consumed.clear();
        }

        /** Keeps the position with the generation the batch was written to, then commits it to Kafka. */
        private void keep(Map<TopicPartition, OffsetAndMetadata> next) {
            positions.advance(groupId, next.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset())));
            consumer.commitSync(next);
        }

        /**
         * The target, never beyond the end of the log, which would make the replay wait forever. The end is asked
         * only when the target lies beyond the end last seen (the end only grows): the question goes to the
         * broker on the connection of the consumer's fetches, behind a fetch that may be waiting for records.
         */
        private Map<TopicPartition, Long> target(Map<Integer, Long> until) {
            if (partitions.stream().anyMatch(tp -> until.getOrDefault(tp.partition(), 0L) > end.getOrDefault(tp, 0L))) {
                end = consumer.endOffsets(partitions, METADATA);
            }
            Map<TopicPartition, Long> target = new HashMap<>();
            partitions.forEach(tp -> target.put(tp, Math.min(until.getOrDefault(tp.partition(), 0L), end.getOrDefault(tp, 0L))));
            return target;
        }

        private void read(ConsumerRecord<String, byte[]> record, List<ActivityFact> facts) {
            try {
                KafkaActivityRecords.fact(record).ifPresent(facts::add);
            } catch (MalformedEventException e) {
                log.debug("replay skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
