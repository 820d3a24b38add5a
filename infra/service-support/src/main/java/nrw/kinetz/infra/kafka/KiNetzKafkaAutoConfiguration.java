package nrw.kinetz.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import nrw.kinetz.infra.trace.RecordTraces;
import nrw.kinetz.model.event.Topics;

/**
 * The one place where Kafka is wired for every service (docs/architecture.md#code): topics, CloudEvents publishing,
 * outage-aware retries with dead letters, batch listeners and the trace context of consumed records.
 * Serializers, acks=all, idempotence and short timeouts come from {@code kinetz-defaults.properties}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KiNetzKafkaProperties.class)
public class KiNetzKafkaAutoConfiguration {

    /** Name of the listener container factory for batch listeners ({@code List<ConsumerRecord>}). */
    public static final String BATCH_FACTORY = "batchListenerContainerFactory";

    /** Every topic of the contract and its dead-letter topic, declared once; the admin creates the missing ones. */
    @Bean
    KafkaAdmin.NewTopics kiNetzTopics(KiNetzKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(declaredTopics(properties).toArray(NewTopic[]::new));
    }

    /**
     * The topics the services declare with these settings: what compose's topic job and the Kubernetes
     * {@code KafkaTopic}s must create where the services do not create them themselves.
     */
    public static List<NewTopic> declaredTopics(KiNetzKafkaProperties properties) {
        Map<String, String> common = new HashMap<>();
        if (properties.minInsyncReplicas() != null) {
            common.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            Map<String, String> configs = new HashMap<>(common);
            if (Topics.AGGREGATES.equals(topic)) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()).configs(configs));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicas()).configs(common));
        }
        return List.copyOf(topics);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, KiNetzKafkaProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        return new EventPublisher(template, properties.acknowledgementTimeout(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * A record that can never be processed goes to {@code <topic>.dlt} at once (same partition count, partition
     * chosen by key) with the reason in the {@code kafka_dlt-exception-*} headers, and the listener goes on; an
     * outage of the store or the broker is retried until it is over, never dead-lettered; other failures get
     * bounded retries first ({@link OutageAwareErrorHandler}).
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kiNetzErrorHandler(KafkaTemplate<String, byte[]> template, KiNetzKafkaProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        return new OutageAwareErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()), properties);
    }

    /**
     * Record listeners continue the producer's trace through Spring Kafka's observation
     * ({@code spring.kafka.listener.observation-enabled}); batch listeners do it per record with this.
     */
    @Bean
    @ConditionalOnMissingBean
    RecordTraces recordTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new RecordTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Batch listeners: same error handling, a whole poll per call, so projections can pre-aggregate per key. */
    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    /**
     * Consumer lag of this service's groups and dead letters per topic as gauges, read from the broker every
     * {@code kinetz.kafka.metrics-interval} (default 30 s).
     */
    @Bean
    @ConditionalOnMissingBean
    KafkaBacklogMetrics kafkaBacklogMetrics(KafkaAdmin kafkaAdmin, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String groupId,
            @Value("${kinetz.kafka.metrics-interval:30s}") Duration interval) {
        return new KafkaBacklogMetrics(kafkaAdmin.getConfigurationProperties(), groupId, interval, meters);
    }
}
