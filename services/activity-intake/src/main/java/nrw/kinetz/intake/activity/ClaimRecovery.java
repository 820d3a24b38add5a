package nrw.kinetz.intake.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.intake.activity.domain.ContentHash;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.MalformedEventException;
import nrw.kinetz.model.event.Topics;

/**
 * Brings the claims back that the store lost in a crash, from {@code ki.activities.v1}.
 *
 * <p>An id is claimed before its report is published, so every report in the topic had a claim. The store may
 * lose its most recent writes in a crash (the embedded store its last commit interval), and with them claims of
 * reports that Kafka has and that were answered "accepted". Answering from such a store would accept the same
 * id and content a second time. So before the intake answers after a start or after the store was away, it
 * reads the topic from where the last recovery ended — kept in the intake's own store, written after the
 * claims it covers, so a crash that loses claims loses that position too — to its end, and restores every
 * claim that is missing as confirmed: a re-push of those activities is answered "duplicate".
 */
class ClaimRecovery {

    /** The consumer group whose kept position says how far the topic was checked against the claims. */
    static final String GROUP = "activity-intake.claims";

    private static final Logger log = LoggerFactory.getLogger(ClaimRecovery.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA = Duration.ofSeconds(5);
    private static final int BATCH = 2_000;

    private final ActivityLedger ledger;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KeptPositions positions;
    private volatile boolean verified;

    ClaimRecovery(ActivityLedger ledger, ConsumerFactory<String, byte[]> consumers, KeptPositions positions) {
        this.ledger = ledger;
        this.consumers = consumers;
        this.positions = positions;
    }

    /**
     * Returns at once when the claims were checked since the store was last away; otherwise checks them now.
     *
     * @throws RuntimeException if Kafka or the store does not answer; the caller answers 503
     */
    void ensureRecovered() {
        if (!verified) {
            try {
                recover();
            } catch (ActivityLedger.LedgerException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ActivityLedger.LedgerUnavailableException(
                        "checking the claims against " + Topics.ACTIVITIES + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The answer to a request the store did not confirm. After an outage the claims are checked again before
     * the next answer; a fault is logged for the operators and answered 500, since repeating it will not help.
     */
    ApiProblemException failed(ActivityLedger.LedgerException e, Duration retryAfter) {
        if (e instanceof ActivityLedger.LedgerFaultException) {
            log.error("the intake's store refused a write", e);
        } else {
            suspect();
        }
        return Unavailable.store(e, retryAfter);
    }

    /** The store was away or failed: its recent writes may be lost, check the claims before the next answer. */
    void suspect() {
        verified = false;
    }

    boolean verified() {
        return verified;
    }

    /**
     * Checks the claims against the topic from where the last check ended to its end. Runs after a start, after
     * an outage of the store and on a schedule, which keeps the stretch to read after a crash short.
     *
     * @return how many claims were restored
     */
    synchronized int recover() {
        Properties overrides = new Properties();
        overrides.put("max.poll.records", Integer.toString(BATCH));
        int restored = 0;
        long read = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(GROUP, null, "-recovery", overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTIVITIES, METADATA).stream()
                    .map(p -> new TopicPartition(Topics.ACTIVITIES, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> from = positions.kept(GROUP, partitions);
            for (TopicPartition partition : partitions) {
                if (from.containsKey(partition)) {
                    consumer.seek(partition, from.get(partition));
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, METADATA) < end.get(tp))) {
                List<ActivityReported> reports = new ArrayList<>();
                Map<TopicPartition, Long> next = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    read++;
                    report(record).ifPresent(reports::add);
                    next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
                }
                restored += ledger.restore(reports.stream()
                        .map(report -> new ActivityLedger.Pending(report, ContentHash.of(report))).toList());
                positions.advance(GROUP, next);
            }
        }
        verified = true;
        if (restored > 0) {
            log.warn("restored {} activity claims the store had lost, from {} records of {}", restored, read, Topics.ACTIVITIES);
        } else {
            log.info("activity claims checked against {} new records of {}: none missing", read, Topics.ACTIVITIES);
        }
        return restored;
    }

    private static Optional<ActivityReported> report(ConsumerRecord<String, byte[]> record) {
        if (!CloudEventsKafka.typeOf(record.headers()).map(ActivityEventTypes.REPORTED.name()::equals).orElse(false)) {
            return Optional.empty();
        }
        try {
            EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
            return Optional.of(event.dataAs(ActivityEventTypes.REPORTED));
        } catch (MalformedEventException e) {
            log.debug("claim recovery skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
