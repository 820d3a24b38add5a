package nrw.kinetz.infra.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;

/**
 * Publishes events of the contract as CloudEvents (binary mode). The template's observation (or, for many events at
 * once, {@link #publishAll}'s) adds the current trace as the {@code traceparent} header (W3C trace context, the
 * CloudEvents distributed-tracing extension).
 * The producer is idempotent with acks=all, so an acknowledged send is on every in-sync replica.
 */
public class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    /** The observation of {@link #publishAll}: a timer per call and one producer span for all its records. */
    public static final String BATCH_OBSERVATION = "kinetz.events.publish";

    private final KafkaTemplate<String, byte[]> template;
    private final KafkaTemplate<String, byte[]> unobserved;
    private final Duration acknowledgementTimeout;
    private final ObservationRegistry observations;

    public EventPublisher(KafkaTemplate<String, byte[]> template, Duration acknowledgementTimeout) {
        this(template, acknowledgementTimeout, ObservationRegistry.NOOP);
    }

    /** @param observations where {@link #publishAll} reports its one observation per call */
    public EventPublisher(KafkaTemplate<String, byte[]> template, Duration acknowledgementTimeout,
            ObservationRegistry observations) {
        this.template = template;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.observations = observations;
        // the same producer (acks=all, idempotent); publishAll observes its sends as a whole
        this.unobserved = new KafkaTemplate<>(template.getProducerFactory());
        this.unobserved.setObservationEnabled(false);
        this.unobserved.setMicrometerEnabled(false);
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
     * Sends many events at once without waiting, in one observation: one timer sample and one producer span for the
     * whole call, whose trace context every record carries as its {@code traceparent}, so the records continue the
     * caller's trace as single sends do. The template's own observation opened a span, two timers and a header per
     * record, which in the intake's profile cost more CPU and memory than building the records.
     *
     * @return one future per event in order, each completing when Kafka acknowledged it (or failed); shorter than
     *         {@code events} when a send failed at once (no metadata within max.block.ms): its failed future is the
     *         last, and the rest is not sent, since it would wait just as long
     */
    public List<CompletableFuture<SendResult<String, byte[]>>> publishAll(List<? extends EventEnvelope<?>> events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            records.add(CloudEventsKafka.toRecord(event));
        }
        return publishAllRecords(records);
    }

    /**
     * As {@link #publishAll}, for records a caller built itself (e.g. with
     * {@link CloudEventsKafka#toRecord(String, String, nrw.kinetz.model.event.EventType, String, String, byte[])} from a
     * payload it wrote without the generic mapping); every record gets the call's {@code traceparent}.
     */
    public List<CompletableFuture<SendResult<String, byte[]>>> publishAllRecords(List<ProducerRecord<String, byte[]>> records) {
        SenderContext<Map<String, String>> context = new SenderContext<>((carrier, name, value) -> carrier.put(name, value));
        context.setCarrier(new HashMap<>());
        context.setRemoteServiceName("kafka");
        String topic = records.isEmpty() ? "none" : records.get(0).topic();
        Observation observation = Observation.createNotStarted(BATCH_OBSERVATION, () -> context, observations)
                .contextualName(topic + " send")
                .lowCardinalityKeyValue("messaging.system", "kafka")
                .lowCardinalityKeyValue("messaging.destination.name", topic)
                .highCardinalityKeyValue("messaging.batch.message_count", Integer.toString(records.size()))
                .start();
        Map<String, byte[]> trace = new HashMap<>();
        context.getCarrier().forEach((name, value) -> trace.put(name, value.getBytes(StandardCharsets.UTF_8)));
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            trace.forEach((name, value) -> record.headers().add(name, value));
            CompletableFuture<SendResult<String, byte[]>> sent;
            try {
                sent = unobserved.send(record);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sends.add(sent);
            if (sent.isCompletedExceptionally()) {
                break;
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                observation.error(failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            observation.stop();
        });
        return sends;
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
