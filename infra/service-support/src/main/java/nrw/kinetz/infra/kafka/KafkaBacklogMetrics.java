package nrw.kinetz.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.model.event.Topics;

/**
 * What waits in Kafka for this service, read from the broker every interval (docs/operations.md#metrics-and-alerts):
 * <ul>
 * <li>{@code kinetz.kafka.consumer.lag} (group, topic, partition): records on the partition after the group's
 *     committed offset, for every consumer group of this service that has members now (its name is the service's
 *     group id or starts with it and a dot, e.g. {@code reporting.activities.g2}). Groups without members, such as
 *     the dropped generation after a rebuild, are left out: nobody consumes for them.</li>
 * <li>{@code kinetz.kafka.dead.letters} (topic): records held in {@code <topic>.dlt} for every topic of the
 *     contract.</li>
 * </ul>
 * The committed offsets say how far the listeners got even while one is stuck, which the consumer's own
 * {@code records-lag} does not. A reading that fails (the broker is away) keeps the values of the last one.
 */
public final class KafkaBacklogMetrics implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBacklogMetrics.class);
    private static final long TIMEOUT_SECONDS = 5;
    private static final Map<String, String> TOPIC_OF_DEAD_LETTER = Topics.all().stream()
            .collect(Collectors.toMap(Topics::deadLetter, topic -> topic));

    private final Map<String, Object> adminConfig;
    private final String groupPrefix;
    private final Duration interval;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;
    private final BackgroundWorker worker = new BackgroundWorker("kafka-backlog-metrics", this::refreshQuietly);
    private Admin admin;

    public KafkaBacklogMetrics(Map<String, Object> adminConfig, String groupPrefix, Duration interval, MeterRegistry meters) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.groupPrefix = groupPrefix;
        this.interval = interval;
        this.lag = MultiGauge.builder("kinetz.kafka.consumer.lag")
                .description("Records after the committed offset of a consumer group of this service, per partition")
                .register(meters);
        this.deadLetters = MultiGauge.builder("kinetz.kafka.dead.letters")
                .description("Records held in the dead-letter topic <topic>.dlt of a topic of the contract")
                .register(meters);
    }

    /**
     * Reads lag and dead letters from the broker now and publishes them as the gauges' values.
     *
     * @throws IllegalStateException if the broker did not answer within seconds
     */
    public synchronized void refresh() {
        try {
            Admin client = admin();
            Map<TopicPartition, Set<String>> groupsOf = new HashMap<>();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (ConsumerGroupDescription group : activeGroups(client)) {
                committed.put(group.groupId(), get(client.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()));
                group.members().forEach(member -> member.assignment().topicPartitions().forEach(partition ->
                        groupsOf.computeIfAbsent(partition, p -> new HashSet<>()).add(group.groupId())));
            }
            List<TopicPartition> deadLetterPartitions = deadLetterPartitions(client);
            Set<TopicPartition> all = new HashSet<>(groupsOf.keySet());
            all.addAll(deadLetterPartitions);
            Map<TopicPartition, Long> end = offsets(client, all, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(client, all, OffsetSpec.earliest());

            List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
            groupsOf.forEach((partition, groups) -> groups.forEach(group -> {
                OffsetAndMetadata offset = committed.get(group).get(partition);
                long from = offset == null ? start.getOrDefault(partition, 0L) : offset.offset();
                long value = Math.max(0, end.getOrDefault(partition, from) - from);
                lagRows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", partition.topic(),
                        "partition", Integer.toString(partition.partition())), value));
            }));
            Map<String, Long> held = new HashMap<>();
            for (TopicPartition partition : deadLetterPartitions) {
                held.merge(TOPIC_OF_DEAD_LETTER.get(partition.topic()), end.getOrDefault(partition, 0L) - start.getOrDefault(partition, 0L), Long::sum);
            }
            List<MultiGauge.Row<?>> deadLetterRows = new ArrayList<>();
            held.forEach((topic, count) -> deadLetterRows.add(MultiGauge.Row.of(Tags.of("topic", topic), count)));
            lag.register(lagRows, true);
            deadLetters.register(deadLetterRows, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not tell the consumer lag: " + e, e);
        }
    }

    private Collection<ConsumerGroupDescription> activeGroups(Admin client)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> ours = new ArrayList<>();
        for (GroupListing group : get(client.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
            boolean active = group.groupState().map(state -> state != GroupState.EMPTY && state != GroupState.DEAD)
                    .orElse(true);
            if (active && (group.groupId().equals(groupPrefix) || group.groupId().startsWith(groupPrefix + "."))) {
                ours.add(group.groupId());
            }
        }
        if (ours.isEmpty()) {
            return List.of();
        }
        return get(client.describeConsumerGroups(ours).all()).values();
    }

    private List<TopicPartition> deadLetterPartitions(Admin client)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, KafkaFuture<TopicDescription>> described =
                client.describeTopics(TOPIC_OF_DEAD_LETTER.keySet()).topicNameValues();
        List<TopicPartition> partitions = new ArrayList<>();
        for (var entry : described.entrySet()) {
            try {
                get(entry.getValue()).partitions().forEach(p -> partitions.add(new TopicPartition(entry.getKey(), p.partition())));
            } catch (ExecutionException e) {
                // not created (yet): nothing is held in it
            }
        }
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(Admin client, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = get(client.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (IllegalStateException e) {
            LOG.debug("Kafka backlog metrics keep their last values: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        worker.start(interval);
    }

    @Override
    public void stop() {
        worker.stop();
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
