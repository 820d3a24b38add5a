package nrw.kinetz.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.producer.ProducerRecord;

import nrw.kinetz.model.event.CloudEventsKafka;
import tools.jackson.databind.JsonNode;

/**
 * Records no listener can ever process, for the fault suite's poison tests: what a buggy or hostile producer could
 * put on a topic of the contract. Each is recognisable in the dead-letter listing, by its event id or its key.
 */
public final class PoisonRecords {

    private PoisonRecords() {
    }

    /** A CloudEvent of a type the topic carries whose data is cut off mid-JSON. */
    public static ProducerRecord<String, byte[]> malformedEvent(String topic, String type, String key, String eventId) {
        var record = new ProducerRecord<String, byte[]>(topic, key, "{\"broken\":".getBytes(StandardCharsets.UTF_8));
        String[] headers = {CloudEventsKafka.SPECVERSION, "1.0", CloudEventsKafka.ID, eventId, CloudEventsKafka.SOURCE,
                "/poison", CloudEventsKafka.TYPE, type, CloudEventsKafka.TIME, Instant.now().toString(),
                CloudEventsKafka.SUBJECT, key, CloudEventsKafka.CONTENT_TYPE, CloudEventsKafka.JSON};
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Bytes without any CloudEvents header: not an event at all. */
    public static ProducerRecord<String, byte[]> notAnEvent(String topic, String key) {
        return new ProducerRecord<>(topic, key, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{'});
    }

    /** The entries of a dead-letter listing ({@code GET /api/v1/dead-letters}) whose {@code field} is {@code value}. */
    public static List<JsonNode> listed(JsonNode deadLetters, String field, String value) {
        return StreamSupport.stream(deadLetters.spliterator(), false)
                .filter(entry -> value.equals(entry.path(field).asString(null))).toList();
    }
}
