package nrw.kinetz.infra.testapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

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
        // what a log line written here carries: the trace the listener's observation continued
        handledWithTrace.put(event.id(), String.valueOf(MDC.get("traceId")));
    }

    public boolean handled(UUID id) {
        return handledWithTrace.containsKey(id);
    }

    public String traceIdOf(UUID id) {
        return handledWithTrace.get(id);
    }
}
