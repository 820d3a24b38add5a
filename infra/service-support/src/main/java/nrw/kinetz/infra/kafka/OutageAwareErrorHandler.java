package nrw.kinetz.infra.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import nrw.kinetz.infra.failure.Failures;

/**
 * The error handling of every listener (docs/architecture.md#dlt), in three classes of failure:
 * <ul>
 * <li><b>unprocessable</b> records ({@link Failures#isUnprocessable}) go to the dead-letter topic at once;</li>
 * <li><b>outages</b> ({@link Failures#isOutage}: store or broker away, timeouts) are retried without limit, with
 * a back-off growing to a ceiling; nothing is committed and nothing is dead-lettered meanwhile, so the listener
 * in effect pauses until the dependency is back;</li>
 * <li>anything else gets the bounded retries and then the dead-letter topic, from where it can be re-driven.</li>
 * </ul>
 * A batch listener that names the failing record ({@link BatchListenerFailedException}) gets the per-record
 * handling of {@link DefaultErrorHandler}: the records before it are committed. A batch that failed as a whole
 * because of an outage is not handed to Spring Kafka's fallback, which would retry it in memory and, as soon as
 * a retry failed differently (a poison record found once the store is back), dead-letter <em>every</em> record
 * of the poll; it is sought back and delivered again after the back-off, through the normal path.
 */
public class OutageAwareErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OutageAwareErrorHandler.class);

    private final BackOff outageBackOff;
    private final Map<Thread, BatchRetry> batchRetries = new ConcurrentHashMap<>();

    public OutageAwareErrorHandler(ConsumerRecordRecoverer recoverer, BackOff otherFailures, KiNetzKafkaProperties properties) {
        super(recoverer, otherFailures);
        ExponentialBackOff outage = new ExponentialBackOff(properties.outageRetryInterval().toMillis(), 2.0);
        outage.setMaxInterval(properties.outageRetryMaxInterval().toMillis());
        this.outageBackOff = outage;
        addNotRetryableExceptions(Failures.unprocessableTypes());
        setBackOffFunction((record, failure) -> isOutage(failure) ? outageBackOff : null);
        setResetStateOnExceptionChange(true);
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
            MessageListenerContainer container, Runnable invokeListener) {
        if (data.isEmpty() || !isOutage(thrownException) || namesTheRecord(thrownException)) {
            batchRetries.remove(Thread.currentThread());
            super.handleBatch(thrownException, data, consumer, container, invokeListener);
            return;
        }
        ConsumerRecord<?, ?> first = data.iterator().next();
        BatchRetry retry = batchRetries.compute(Thread.currentThread(), (thread, previous) ->
                previous != null && previous.isFor(first) ? previous : new BatchRetry(first, outageBackOff.start()));
        long delay = retry.execution().nextBackOff();
        log.warn("{} on {}-{}@{}: keeping the poll of {} records, delivering it again in {} ms", thrownException.getMessage(),
                first.topic(), first.partition(), first.offset(), data.count(), delay);
        for (TopicPartition partition : data.partitions()) {
            consumer.seek(partition, data.records(partition).get(0).offset());
        }
        try {
            ListenerUtils.stoppableSleep(container, delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Thrown so that the container does not commit the poll it was given.
        throw new KafkaException("Poll sought back after an outage", KafkaException.Level.DEBUG, thrownException);
    }

    @Override
    public void clearThreadState() {
        batchRetries.remove(Thread.currentThread());
        super.clearThreadState();
    }

    private static boolean isOutage(Exception failure) {
        return failure != null && Failures.isOutage(failure) && !Failures.isUnprocessable(failure);
    }

    private static boolean namesTheRecord(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** The back-off of one poll that keeps failing; a different first record starts a new one. */
    private record BatchRetry(String topic, int partition, long offset, BackOffExecution execution) {

        BatchRetry(ConsumerRecord<?, ?> first, BackOffExecution execution) {
            this(first.topic(), first.partition(), first.offset(), execution);
        }

        boolean isFor(ConsumerRecord<?, ?> record) {
            return topic.equals(record.topic()) && partition == record.partition() && offset == record.offset();
        }
    }
}
