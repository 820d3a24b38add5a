package nrw.kinetz.infra.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared Kafka wiring ({@code kinetz.kafka.*}).
 *
 * @param partitions            partitions of every domain topic and its dead-letter topic
 * @param replicas              replication factor (1 on a single embedded broker, 3 in production)
 * @param minInsyncReplicas     {@code min.insync.replicas} of the topics the service creates; {@code null} keeps the
 *                              broker's default (production: 2, so that acks=all means two brokers have a record)
 * @param retryAttempts         redeliveries of a record failing for an unknown reason before it goes to the
 *                              dead-letter topic
 * @param retryInterval         pause between those redeliveries
 * @param outageRetryInterval   first pause before a record that failed because the store or the broker is away is
 *                              delivered again; it doubles with every further failure
 * @param outageRetryMaxInterval the ceiling of that pause: the listener looks at least this often whether the
 *                              dependency is back
 * @param acknowledgementTimeout how long a synchronous publish waits for Kafka before giving up
 */
@ConfigurationProperties("kinetz.kafka")
public record KiNetzKafkaProperties(Integer partitions, Short replicas, Integer minInsyncReplicas, Integer retryAttempts,
        Duration retryInterval, Duration outageRetryInterval, Duration outageRetryMaxInterval,
        Duration acknowledgementTimeout) {

    public KiNetzKafkaProperties {
        partitions = partitions == null ? 3 : partitions;
        replicas = replicas == null ? 1 : replicas;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryInterval = retryInterval == null ? Duration.ofMillis(200) : retryInterval;
        outageRetryInterval = outageRetryInterval == null ? Duration.ofMillis(500) : outageRetryInterval;
        outageRetryMaxInterval = outageRetryMaxInterval == null ? Duration.ofSeconds(10) : outageRetryMaxInterval;
        acknowledgementTimeout = acknowledgementTimeout == null ? Duration.ofSeconds(10) : acknowledgementTimeout;
    }
}
