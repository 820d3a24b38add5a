package nrw.kinetz.reporting.activity.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.infra.trace.RecordTraces;
import nrw.kinetz.infra.worker.BackgroundWorker;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.reporting.activity.model.ActivityFact;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityProjection;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.replay.LiveIngestion;

/**
 * Feeds {@code ki.activities.v1} into the active generation of the activities read model, a whole poll at a
 * time ({@code KiNetzKafkaAutoConfiguration.BATCH_FACTORY}): the projection pre-aggregates the batch per
 * cell. Once the cells are written, they are handed to the feed relay as they now are; once the ledger is written
 * too, the position is kept with the generation it was written to ({@link KeptPositions}), from a thread of its own
 * so that the next poll need not wait for it; on start the listener resumes from the kept position,
 * not from the offsets committed to Kafka (docs/architecture.md#nothing-lost).
 *
 * <p>The container is created here rather than by {@code @KafkaListener} because its consumer group belongs
 * to a generation ({@code reporting.activities.g2}). Every instance follows the shared generation pointer
 * (docs/architecture.md#rebuild): each batch asks the store whether its generation may still be written — while
 * it reads its ledger entries and cells, and before it writes anything — and a check every second notices a switch on an idle instance; when a rebuild — on any instance —
 * hands over, the container stops, and when it activates the next generation, that generation's starts.
 * A record that is not a well-formed event is dead-lettered by the shared error handler; the records before
 * it in the batch are written, kept and committed first, so poison never blocks (docs/architecture.md#dlt).
 */
public class ActivityEventsListener implements LiveIngestion, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivityEventsListener.class);
    /** How often an instance re-reads the generation pointer when no batch and no local rebuild made it. */
    static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> factory;
    private final ActivityReadModel model;
    private final FeedRelay relay;
    private final KeptPositions positions;
    private final String groupPrefix;
    private final RecordTraces traces;
    private volatile ConcurrentMessageListenerContainer<String, byte[]> container;
    private volatile Generation generation;
    private volatile boolean running;
    /** Follows the pointer on an idle instance too, where no batch would notice a switch. */
    private final BackgroundWorker pointerCheck = new BackgroundWorker("activities-generation", this::switchTo);
    /** The longest a stop waits for the positions of the last batches to be written. */
    private static final Duration KEEP_TIMEOUT = Duration.ofSeconds(10);
    /** Positions of written batches not yet kept, by group; guards itself. */
    private final Map<String, Map<TopicPartition, Long>> unkept = new HashMap<>();
    /** Keeps them, one write at a time; its thread ends when idle. */
    private final ThreadPoolExecutor keeper = idleEnding("activities-positions");
    /** Asks whether a batch's generation may still be written while the batch reads; its thread ends when idle. */
    private final ThreadPoolExecutor checks = idleEnding("activities-writable-check");

    public ActivityEventsListener(ConcurrentKafkaListenerContainerFactory<String, byte[]> factory, ActivityReadModel model,
            FeedRelay relay, KeptPositions positions, String groupPrefix, RecordTraces traces) {
        this.factory = factory;
        this.traces = traces;
        this.model = model;
        this.relay = relay;
        this.positions = positions;
        this.groupPrefix = groupPrefix;
    }

    private static ThreadPoolExecutor idleEnding(String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public String groupId(Generation generation) {
        return groupPrefix + ".activities." + generation.suffix();
    }

    /** @return the consumer group of the running listener, for whoever waits for it to catch up */
    public String activeGroupId() {
        return groupId(model.activeGeneration());
    }

    /** Starts consuming into the writable generation and checks the pointer every few seconds from now on. */
    @Override
    public void start() {
        running = true;
        follow();
        pointerCheck.start(FOLLOW_INTERVAL, FOLLOW_INTERVAL);
    }

    @Override
    public void follow() {
        switchTo();
    }

    /**
     * Consumes into the generation the pointer names as writable: stops the container of another one (waiting for
     * its batch), starts the one of the writable generation, or runs none during a handover.
     */
    private synchronized void switchTo() {
        if (!running) {
            return;
        }
        Generation writable = model.writableGeneration().orElse(null);
        if (container != null && generation.equals(writable)) {
            return;
        }
        if (container != null) {
            container.stop();
            container = null;
            keepNow();
            log.info("activities listener stops consuming into {}: {}", generation,
                    writable == null ? "a rebuild hands over" : writable + " is active");
        }
        if (writable != null) {
            ConcurrentMessageListenerContainer<String, byte[]> created = factory.createContainer(Topics.ACTIVITIES);
            created.getContainerProperties().setGroupId(groupId(writable));
            created.getContainerProperties().setMessageListener(new GenerationListener(writable));
            created.setBeanName("reporting-activities-" + writable.suffix());
            created.start();
            container = created;
            generation = writable;
            log.info("activities listener consumes {} as {}", Topics.ACTIVITIES, groupId(writable));
        }
    }

    @Override
    public void stop() {
        running = false;
        pointerCheck.stop();
        synchronized (this) {
            if (container != null) {
                container.stop();
                container = null;
            }
        }
        keepNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Applies one poll to the active generation, as the container does; package-private for tests of redelivery. */
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        onBatch(records, model.activeGeneration());
    }

    private void onBatch(List<ConsumerRecord<String, byte[]>> records, Generation target) {
        // Asked while the batch reads the ledger and cells, not in a round trip of its own before them: nothing is
        // written, kept or dead-lettered unless the answer allows it.
        CompletableFuture<Boolean> writable = CompletableFuture.supplyAsync(
                () -> model.writableGeneration().equals(Optional.of(target)), checks);
        BooleanSupplier mayWrite = () -> {
            if (answer(writable)) {
                return true;
            }
            // Another instance's rebuild hands over or has switched: nothing more goes into this generation. The
            // records are neither written nor kept; whichever generation takes them reads them from its own position.
            pointerCheck.wakeUp();
            return false;
        };
        ActivityProjection projection = new ActivityProjection(model.store(target, true));
        long term = relay.term(); // before anything is written: see FeedRelay#handOver
        List<ActivityFact> facts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                ConsumerRecord<String, byte[]> record = records.get(i);
                // in the trace of the request that reported it, so its log lines can be found with the intake's
                Optional<ActivityFact> fact = traces.inTraceOf(record, "reporting activity", () -> {
                    Optional<ActivityFact> read = KafkaActivityRecords.fact(record);
                    log.debug("activity record {}-{}@{} read for {}", record.topic(), record.partition(), record.offset(), target);
                    return read;
                });
                fact.ifPresent(facts::add);
            } catch (MalformedEventException e) {
                if (!applyAndHandOver(projection, facts, target, term, mayWrite)) {
                    return;
                }
                if (i > 0) {
                    keep(groupId(target), records.subList(0, i));
                }
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        if (applyAndHandOver(projection, facts, target, term, mayWrite)) {
            keep(groupId(target), records);
        }
    }

    /**
     * Keeps the position after the batch's writes from a thread of its own, so that the next poll does not wait for
     * it: it is asked for only once the batch's cells and ledger are written, so the store still has it after the
     * documents it covers, and a position that lags (the write still under way, or lost with a crash) only makes
     * records be read again, which the cell versions and the ledger drop. Positions of batches that pile up behind a
     * write in progress go to the store as one write.
     */
    private void keep(String group, List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        records.forEach(record -> next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max));
        synchronized (unkept) {
            Map<TopicPartition, Long> waiting = unkept.computeIfAbsent(group, g -> new HashMap<>());
            next.forEach((partition, offset) -> waiting.merge(partition, offset, Math::max));
        }
        keeper.execute(this::keepUnkept);
    }

    /** Writes what positions are waiting; on failure they wait for the next write. */
    private void keepUnkept() {
        Map<String, Map<TopicPartition, Long>> taken;
        synchronized (unkept) {
            if (unkept.isEmpty()) {
                return;
            }
            taken = new HashMap<>(unkept);
            unkept.clear();
        }
        taken.forEach((group, next) -> {
            try {
                positions.advance(group, next);
            } catch (RuntimeException e) {
                log.warn("kept positions of {} not written, kept with the next batch: {}", group, e.toString());
                synchronized (unkept) {
                    Map<TopicPartition, Long> waiting = unkept.computeIfAbsent(group, g -> new HashMap<>());
                    next.forEach((partition, offset) -> waiting.merge(partition, offset, Math::max));
                }
            }
        });
    }

    /** Writes the waiting positions on the calling thread, once what is under way has finished. */
    private void keepNow() {
        try {
            keeper.submit(this::keepUnkept).get(KEEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("kept positions not written on stop; the records after them are read again: {}", e.toString());
        }
    }

    private static boolean answer(CompletableFuture<Boolean> writable) {
        try {
            return writable.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The container's listener for one generation; it seeks to that generation's kept position on assignment. */
    private final class GenerationListener implements BatchMessageListener<String, byte[]>, ConsumerSeekAware {

        private final Generation target;

        GenerationListener(Generation target) {
            this.target = target;
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
            onBatch(records, target);
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            positions.seek(assignments, callback);
        }
    }

    /**
     * Writes the facts and hands what the changed cells are now to the feed relay as soon as they are written, so that
     * the relay appends them while the ledger is written and needs not read them back.
     *
     * @return whether the generation could still be written; if not, nothing was
     */
    private boolean applyAndHandOver(ActivityProjection projection, List<ActivityFact> facts, Generation target, long term,
            BooleanSupplier mayWrite) {
        return projection.write(facts, mayWrite, written -> {
            List<Change> changes = new ArrayList<>(written.size());
            written.forEach((key, state) -> changes.add(MongoActivityChanges.change(target, key, state)));
            relay.handOver(changes, term);
        });
    }
}
