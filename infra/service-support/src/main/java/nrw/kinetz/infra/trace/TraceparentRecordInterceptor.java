package nrw.kinetz.infra.trace;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

import nrw.kinetz.model.event.CloudEventsKafka;

/** Makes the trace of a consumed record the current trace while a listener handles it. */
public class TraceparentRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        TraceContext.set(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TRACEPARENT)
                .flatMap(Traceparent::parse)
                .map(Traceparent::child)
                .orElseGet(Traceparent::start));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        TraceContext.clear();
    }
}
