package nrw.kinetz.model.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary content mode (docs/architecture.md#events): context attributes
 * travel as {@code ce_*} headers, the value is the JSON payload, and the Kafka key is the subject.
 * A consumer built with the CloudEvents Java SDK alone reads what this writes.
 */
public final class CloudEventsKafka {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    /**
     * A reader per payload type, made once: the mapper's {@code readValue(bytes, Class)} resolves the type anew for every
     * record.
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> payloadType) {
            return EventJson.mapper().readerFor(payloadType);
        }
    };

    /**
     * The headers that depend on the type alone, as bytes, made once per type: converting them anew was a tenth of
     * building a record. Records share these arrays; Kafka never writes into a header's value.
     */
    private static final Map<EventType<?>, TypeHeaders> TYPE_HEADERS = new ConcurrentHashMap<>();

    private record TypeHeaders(byte[] type, byte[] dataschema) {

        static TypeHeaders of(EventType<?> type) {
            return new TypeHeaders(bytes(type.name()), bytes(type.dataschema().toString()));
        }
    }

    private static final byte[] SPECVERSION_1_0 = bytes("1.0");
    private static final byte[] JSON_BYTES = bytes(JSON);

    private CloudEventsKafka() {
    }

    /** The record for {@code event} on its type's topic, keyed by its subject. */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope<?> event) {
        return toRecord(event.id().toString(), event.source().toString(), event.type(), event.time().toString(),
                event.subject(), EventJson.mapper().writeValueAsBytes(event.data()));
    }

    /**
     * The same record as {@link #toRecord(EventEnvelope)} from an event kept in its written form (an outbox stores
     * the payload's JSON and the attributes as text), without mapping the payload a second time.
     *
     * @param time  as {@link OffsetDateTime#toString()} writes it
     * @param value the payload's JSON, as {@link EventJson#mapper()} wrote it
     */
    public static ProducerRecord<String, byte[]> toRecord(String id, String source, EventType<?> type, String time,
            String subject, byte[] value) {
        TypeHeaders constant = TYPE_HEADERS.computeIfAbsent(type, TypeHeaders::of);
        Headers headers = new RecordHeaders();
        headers.add(SPECVERSION, SPECVERSION_1_0);
        put(headers, ID, id);
        put(headers, SOURCE, source);
        headers.add(TYPE, constant.type());
        put(headers, TIME, time);
        put(headers, SUBJECT, subject);
        headers.add(DATASCHEMA, constant.dataschema());
        headers.add(CONTENT_TYPE, JSON_BYTES);
        return new ProducerRecord<>(type.topic(), null, subject, value, headers);
    }

    /**
     * Reads a record of the contract back into an envelope with its typed payload.
     *
     * @throws MalformedEventException if the record is not a well-formed event of a known type
     */
    public static EventEnvelope<?> fromRecord(ConsumerRecord<String, byte[]> record) {
        return fromParts(record.headers(), record.value(), new Where(record));
    }

    /** Where a record came from, for the message of a {@link MalformedEventException}; built only when one is thrown. */
    private record Where(ConsumerRecord<?, ?> record) {

        @Override
        public String toString() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    /** The {@code ce_type} of a record, if it has one: lets a consumer skip types it does not handle cheaply. */
    public static Optional<String> typeOf(Headers headers) {
        return header(headers, TYPE);
    }

    public static Optional<String> header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    static EventEnvelope<?> fromParts(Headers headers, byte[] value, Object where) {
        String spec = required(headers, SPECVERSION, where);
        if (!"1.0".equals(spec)) {
            throw new MalformedEventException(where + ": unsupported ce_specversion " + spec);
        }
        String typeName = required(headers, TYPE, where);
        EventType<?> type = EventTypes.byName(typeName)
                .orElseThrow(() -> new MalformedEventException(where + ": unknown ce_type " + typeName));
        UUID id;
        OffsetDateTime time;
        try {
            id = UUID.fromString(required(headers, ID, where));
            time = time(required(headers, TIME, where));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException(where + ": bad ce_id or ce_time: " + e.getMessage(), e);
        }
        URI source = URI.create(required(headers, SOURCE, where));
        String subject = required(headers, SUBJECT, where);
        if (value == null) {
            throw new MalformedEventException(where + ": no payload");
        }
        return envelope(id, source, type, time, subject, value, where);
    }

    /**
     * Reads {@code ce_time}. What this class writes (UTC, milliseconds: {@code 2025-03-14T09:26:53.589Z}, or
     * {@code 2025-03-14T09:26:53Z} at a whole second) is read
     * field by field (the general parser was a quarter of reading a record in a replay profile); every other RFC 3339
     * form goes through the general parser.
     */
    static OffsetDateTime time(String text) {
        int length = text.length();
        if ((length == 24 && text.charAt(19) == '.' || length == 20) && text.charAt(length - 1) == 'Z'
                && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int millis = length == 24 ? digits(text, 20, 23) : 0;
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                return OffsetDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000, ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** @return the decimal number in {@code text[from, to)}, or -1 if a character there is not a digit */
    static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static <T> EventEnvelope<T> envelope(UUID id, URI source, EventType<T> type, OffsetDateTime time,
            String subject, byte[] value, Object where) {
        T data;
        try {
            data = READERS.get(type.payloadType()).readValue(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(where + ": payload is not a valid " + type.name() + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new MalformedEventException(where + ": payload is null");
        }
        return new EventEnvelope<>(id, source, type, time, subject, data);
    }

    private static String required(Headers headers, String name, Object where) {
        return header(headers, name).orElseThrow(() -> new MalformedEventException(where + ": missing header " + name));
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, bytes(value));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
