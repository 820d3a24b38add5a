package nrw.kinetz.infra.trace;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues the trace of a consumed record where Spring Kafka's observation does not: a batch listener gets a
 * whole poll in one call, so the container opens no span per record. Work done for one record of a batch runs
 * here in a span whose parent is the one the producer propagated in the record's {@code traceparent} header
 * (W3C trace context, read by the configured propagator), so its log lines carry the producer's trace id.
 */
public final class RecordTraces {

    private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Traces nothing: for listeners built without a tracer, e.g. in unit tests. */
    public static RecordTraces none() {
        return new RecordTraces(Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * Runs {@code work} in a consumer span named {@code name}, the child of the record's propagated span (or the
     * root of a new trace if the record carries none). An exception marks the span failed and is rethrown.
     */
    public <T> T inTraceOf(ConsumerRecord<?, ?> record, String name, Supplier<T> work) {
        Span span = propagator.extract(record.headers(), HEADERS)
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.partition", Integer.toString(record.partition()))
                .tag("messaging.kafka.offset", Long.toString(record.offset()))
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
