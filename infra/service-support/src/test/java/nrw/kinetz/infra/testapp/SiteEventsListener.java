package nrw.kinetz.infra.testapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.trace.TraceContext;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;

/** Reads site events like a projection would; remembers what it handled and under which trace. */
@Component
public class SiteEventsListener {

    private final Map<UUID, String> handledWithTrace = new ConcurrentHashMap<>();

    @KafkaListener(topics = Topics.SITES, groupId = "service-support-tests")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        handledWithTrace.put(event.id(), TraceContext.current().map(t -> t.traceId()).orElse("none"));
    }

    public boolean handled(UUID id) {
        return handledWithTrace.containsKey(id);
    }

    public String traceIdOf(UUID id) {
        return handledWithTrace.get(id);
    }
}
