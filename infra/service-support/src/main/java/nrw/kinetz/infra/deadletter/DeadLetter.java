package nrw.kinetz.infra.deadletter;

import java.time.Instant;

/**
 * One record of a dead-letter topic that one of this service's listeners put there.
 *
 * @param id               where it lies: {@code <partition>-<offset>} in the dead-letter topic
 * @param eventId          its {@code ce_id}, if it has one
 * @param type             its {@code ce_type}, if it has one
 * @param key              its Kafka key
 * @param topic            the topic it came from
 * @param originalPosition {@code <partition>-<offset>} it had there
 * @param consumerGroup    the listener's consumer group that gave up on it
 * @param exception        the class of the failure
 * @param reason           the failure's message
 * @param deadLetteredAt   when it was dead-lettered
 * @param redrivenAt       when it was sent back to its topic, or {@code null}
 */
public record DeadLetter(String id, String eventId, String type, String key, String topic, String originalPosition,
        String consumerGroup, String exception, String reason, Instant deadLetteredAt, Instant redrivenAt) {
}
