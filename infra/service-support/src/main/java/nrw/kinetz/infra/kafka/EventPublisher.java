package nrw.kinetz.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;

/**
 * Publishes events of the contract as CloudEvents (binary mode). The template's observation adds the current
 * trace as the {@code traceparent} header (W3C trace context, the CloudEvents distributed-tracing extension).
 * The producer is idempotent with acks=all, so an acknowledged send is on every in-sync replica.
 */
public class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, byte[]> template;
    private final Duration acknowledgementTimeout;

    public EventPublisher(KafkaTemplate<String, byte[]> template, Duration acknowledgementTimeout) {
        this.template = template;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** Sends without waiting; the future completes when Kafka acknowledged (or failed). */
    public CompletableFuture<SendResult<String, byte[]>> publish(EventEnvelope<?> event) {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);
        try {
            return template.send(record);
        } catch (RuntimeException e) {
            // send() itself throws when metadata cannot be fetched within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends one aggregate's pending events one after the other, each only after the previous was acknowledged,
     * so their order on the partition is theirs. Completes with the ids Kafka acknowledged: always a prefix of
     * {@code events}, shorter when a send failed (logged with {@code subject}; the rest stays for a later try).
     */
    public CompletableFuture<List<UUID>> publishInOrder(List<? extends EventEnvelope<?>> events, String subject) {
        return inOrder(events, this::publish, EventEnvelope::id, subject);
    }

    /**
     * As {@link #publishInOrder}, for events in another form than an envelope (e.g. as an outbox stored them):
     * {@code send} sends one, {@code id} names it.
     */
    public static <T> CompletableFuture<List<UUID>> inOrder(List<? extends T> events,
            Function<? super T, ? extends CompletableFuture<?>> send, Function<? super T, UUID> id, String subject) {
        List<UUID> acknowledged = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (T event : events) {
            chain = chain.thenCompose(ignored -> send.apply(event).thenAccept(ack -> {
                synchronized (acknowledged) {
                    acknowledged.add(id.apply(event));
                }
            }));
        }
        return chain.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("Relaying the events of {} stopped, will retry: {}", subject, failure.getMessage());
            }
            synchronized (acknowledged) {
                return List.copyOf(acknowledged);
            }
        });
    }

    /**
     * What {@link #publishInOrder} acknowledged within {@code timeout}; nothing when it took longer (the events
     * stay pending and are sent again, which consumers recognise by their ids).
     */
    public static List<UUID> acknowledgedWithin(CompletableFuture<List<UUID>> acknowledged, Duration timeout) {
        try {
            return acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    /**
     * Sends and waits until Kafka acknowledged.
     *
     * @throws EventPublicationException if Kafka did not acknowledge within the configured time
     */
    public SendResult<String, byte[]> publishAndWait(EventEnvelope<?> event) {
        try {
            return publish(event).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationException(event, e);
        } catch (ExecutionException e) {
            throw new EventPublicationException(event, e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublicationException(event, e);
        }
    }
}
