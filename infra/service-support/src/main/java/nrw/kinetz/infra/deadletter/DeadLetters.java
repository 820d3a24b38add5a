package nrw.kinetz.infra.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import nrw.kinetz.model.event.Topics;

/**
 * The dead letters of this service's listeners, listed and re-driven (docs/architecture.md#dlt). A dead-letter
 * topic is shared by every service that consumes its topic; the {@code kafka_dlt-original-consumer-group}
 * header says whose listener gave up, and a service sees only its own. Re-driving sends a dead letter back to
 * its topic with its key, value and CloudEvents headers (the {@code kafka_dlt-*} headers dropped) and remembers
 * that it did, so a second re-drive sends nothing again. Every consumer may see the record once more; they all
 * skip an event id they have applied (docs/architecture.md#idempotency), so a re-drive counts nothing twice.
 */
public class DeadLetters {

    static final String COLLECTION = "dead_letter_redrives";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private final ConsumerFactory<?, ?> consumers;
    private final KafkaTemplate<String, byte[]> template;
    private final MongoOperations mongo;
    private final String service;
    private final Duration acknowledgementTimeout;
    private final Clock clock;

    public DeadLetters(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, byte[]> template, MongoOperations mongo,
            String service, Duration acknowledgementTimeout, Clock clock) {
        this.consumers = consumers;
        this.template = template;
        this.mongo = mongo;
        this.service = service;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.clock = clock;
    }

    /** The topics that have dead letters: every topic of the contract. */
    public static List<String> topics() {
        return Topics.all();
    }

    /** This service's dead letters of {@code topic}, oldest first. */
    public List<DeadLetter> list(String topic) {
        List<Record> records = read(topic);
        Map<String, Instant> redriven = redriven(records.stream().map(r -> key(topic, r.id())).toList());
        return records.stream().map(r -> r.describe(redriven.get(key(topic, r.id())))).toList();
    }

    /**
     * Sends this service's dead letters of {@code topic} back to it: those named in {@code ids} (dead-letter
     * position or event id), or all when {@code ids} is empty; those re-driven before are skipped.
     *
     * @throws UnknownDeadLettersException naming the ids that are none of this service's dead letters
     */
    public Redriven redrive(String topic, Set<String> ids) {
        List<Record> records = read(topic);
        List<String> unknown = ids.stream()
                .filter(id -> records.stream().noneMatch(r -> r.id().equals(id) || id.equals(r.eventId()))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownDeadLettersException(unknown);
        }
        Map<String, Instant> before = redriven(records.stream().map(r -> key(topic, r.id())).toList());
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Record record : records) {
            if (!ids.isEmpty() && !ids.contains(record.id()) && !ids.contains(record.eventId())) {
                continue;
            }
            if (before.containsKey(key(topic, record.id()))) {
                skipped.add(record.id());
                continue;
            }
            send(topic, record.value());
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key(topic, record.id()))
                    .append("eventId", record.eventId()).append("redrivenAt", Date.from(clock.instant())));
            sent.add(record.id());
        }
        return new Redriven(topic, sent.size(), sent, skipped);
    }

    /** What a re-drive did: the dead letters sent back ({@code <partition>-<offset>}) and those sent before. */
    public record Redriven(String topic, int redriven, List<String> ids, List<String> skipped) {
    }

    /** Ids that name none of this service's dead letters of the topic. */
    public static class UnknownDeadLettersException extends RuntimeException {

        private final List<String> ids;

        UnknownDeadLettersException(List<String> ids) {
            super("no dead letter of this service with id " + String.join(", ", ids));
            this.ids = ids;
        }

        public List<String> ids() {
            return ids;
        }
    }

    private void send(String topic, ConsumerRecord<String, byte[]> deadLetter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, deadLetter.key(), deadLetter.value());
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                record.headers().add(header);
            }
        }
        try {
            template.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedriveFailedException("Kafka did not acknowledge the re-driven record on " + topic, e);
        }
    }

    /** Kafka did not take a re-driven record; what was sent before stays sent and is remembered. */
    public static class RedriveFailedException extends RuntimeException {

        RedriveFailedException(String message, Throwable cause) {
            super(message, cause instanceof ExecutionException ? cause.getCause() : cause);
        }
    }

    private Map<String, Instant> redriven(Collection<String> keys) {
        Map<String, Instant> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (Document document : mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", List.copyOf(keys))))) {
            found.put(document.getString("_id"), document.getDate("redrivenAt").toInstant());
        }
        return found;
    }

    private static String key(String topic, String id) {
        return Topics.deadLetter(topic) + "/" + id;
    }

    /** Reads the whole dead-letter topic as it is now and keeps this service's records. */
    @SuppressWarnings("unchecked")
    private List<Record> read(String topic) {
        String deadLetterTopic = Topics.deadLetter(topic);
        List<Record> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = (Consumer<String, byte[]>) consumers.createConsumer(null, "dead-letters", null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new RedriveFailedException("could not read " + deadLetterTopic + " to its end", new TimeoutException());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && ours(record.headers())) {
                        records.add(new Record(record));
                    }
                }
            }
        }
        records.sort((a, b) -> a.value().timestamp() != b.value().timestamp()
                ? Long.compare(a.value().timestamp(), b.value().timestamp()) : a.id().compareTo(b.id()));
        return records;
    }

    private boolean ours(Headers headers) {
        String group = text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group != null && (group.equals(service) || group.startsWith(service + "."));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record Record(ConsumerRecord<String, byte[]> value) {

        String id() {
            return value.partition() + "-" + value.offset();
        }

        String eventId() {
            return text(value.headers(), "ce_id");
        }

        DeadLetter describe(Instant redrivenAt) {
            Headers headers = value.headers();
            String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
            Header partition = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
            Header offset = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
            String original = partition == null || offset == null ? null
                    : ByteBuffer.wrap(partition.value()).getInt() + "-" + ByteBuffer.wrap(offset.value()).getLong();
            return new DeadLetter(id(), eventId(), text(headers, "ce_type"), value.key(),
                    text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), original,
                    text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                    cause != null ? cause : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                    text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(value.timestamp()), redrivenAt);
        }
    }

    /** Not a topic of the contract. */
    static boolean known(String topic) {
        return topic != null && Set.copyOf(Topics.all()).contains(topic);
    }
}
