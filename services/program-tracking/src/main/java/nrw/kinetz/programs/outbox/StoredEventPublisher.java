package nrw.kinetz.programs.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import nrw.kinetz.infra.kafka.EventPublisher;

/**
 * Sends the outbox's events as they are stored: each record is made from the stored text and the payload's JSON
 * ({@link StoredEvent#toRecord()}), so an event is serialised once, when it is stored, not again for Kafka. The
 * sends of one relayed batch share one producer span, whose trace context every record carries as its
 * {@code traceparent}: the relay works on its own thread, outside any request's trace, and the shared template's
 * observation opened a span of its own per send, which in a replay profile cost the relay a third of its time. The
 * producer is the services' one (acks=all, idempotent), used through a template without that observation.
 */
@Component
class StoredEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StoredEventPublisher.class);

    private final KafkaTemplate<String, byte[]> template;
    private final Tracer tracer;
    private final Propagator propagator;

    StoredEventPublisher(KafkaTemplate<String, byte[]> services, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.template = new KafkaTemplate<>(services.getProducerFactory());
        this.template.setObservationEnabled(false);
        this.template.setMicrometerEnabled(false);
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** The sends of one relayed batch, in one span that ends when the batch is closed. */
    Batch batch(String collection, int documents) {
        Span span = tracer.spanBuilder().name("program-events publish").kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("kinetz.outbox.collection", collection)
                .tag("kinetz.outbox.documents", Integer.toString(documents)).start();
        Map<String, String> context = new HashMap<>();
        propagator.inject(span.context(), context, Map::put);
        return new Batch(span, context);
    }

    final class Batch implements AutoCloseable {

        private final Span span;
        private final Map<String, byte[]> headers = new HashMap<>();

        private Batch(Span span, Map<String, String> context) {
            this.span = span;
            context.forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        }

        /** Sends without waiting; the future completes when Kafka acknowledged (or failed). */
        CompletableFuture<SendResult<String, byte[]>> send(StoredEvent event) {
            try {
                return template.send(record(event));
            } catch (RuntimeException e) {
                // send() itself throws when metadata cannot be fetched within max.block.ms
                return CompletableFuture.failedFuture(e);
            }
        }

        /**
         * Sends one document's events one after the other, each after the previous was acknowledged. Completes with
         * the ids Kafka acknowledged: a prefix of {@code events}, shorter when a send failed (logged with
         * {@code subject}; the rest stays pending for a later try).
         */
        CompletableFuture<List<UUID>> sendInOrder(List<StoredEvent> events, String subject) {
            return EventPublisher.inOrder(events, this::send, StoredEvent::id, subject);
        }

        /**
         * Sends a document's events all at once; completes with the ids Kafka acknowledged. Straight to the producer
         * with one callback per event: the template's send wraps each record in futures of its own, which with the
         * poll's hundreds of events were most of the relay's work after building the records.
         */
        CompletableFuture<List<UUID>> sendAtOnce(List<StoredEvent> events) {
            AtOnce sends = new AtOnce(events);
            template.execute(producer -> {
                for (int i = 0; i < events.size(); i++) {
                    int index = i;
                    try {
                        producer.send(record(events.get(i)), (metadata, failure) -> sends.answered(index, failure));
                    } catch (RuntimeException e) {
                        // send() itself throws when metadata cannot be fetched within max.block.ms
                        sends.answered(index, e);
                    }
                }
                return null;
            });
            return sends.done;
        }

        private ProducerRecord<String, byte[]> record(StoredEvent event) {
            ProducerRecord<String, byte[]> record = event.toRecord();
            headers.forEach((name, value) -> record.headers().add(name, value));
            return record;
        }

        @Override
        public void close() {
            span.end();
        }
    }

    /** The answers to one document's events sent at once: complete when each was acknowledged or failed, once. */
    private static final class AtOnce {

        private static final int OPEN = 0;
        private static final int ACKNOWLEDGED = 1;
        private static final int FAILED = 2;

        private final List<StoredEvent> events;
        private final AtomicIntegerArray answers;
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        private final AtomicInteger open;
        private final CompletableFuture<List<UUID>> done = new CompletableFuture<>();

        AtOnce(List<StoredEvent> events) {
            this.events = events;
            this.answers = new AtomicIntegerArray(events.size());
            this.open = new AtomicInteger(events.size());
            if (events.isEmpty()) {
                done.complete(List.of());
            }
        }

        void answered(int index, Exception failure) {
            if (!answers.compareAndSet(index, OPEN, failure == null ? ACKNOWLEDGED : FAILED)) {
                return;
            }
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
            if (open.decrementAndGet() == 0) {
                done.complete(acknowledged());
            }
        }

        /** The ids of the events Kafka acknowledged, in their order; the first failure logged. */
        private List<UUID> acknowledged() {
            List<UUID> ids = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (answers.get(i) == ACKNOWLEDGED) {
                    ids.add(events.get(i).id());
                }
            }
            if (firstFailure.get() != null) {
                LOG.warn("{} of {} events not acknowledged by Kafka, relayed again later: {}", events.size() - ids.size(),
                        events.size(), firstFailure.get().getMessage());
            }
            return ids;
        }
    }
}
