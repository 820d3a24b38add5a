package nrw.kinetz.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteStatusChanged;

/** Uses its own broker, which it stops: the shared one must stay up for the other tests. */
class ProducerFacingAStoppedBrokerIntegrationTests {

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(0, null).start();
    private DefaultKafkaProducerFactory<String, byte[]> producerFactory;

    @AfterEach
    void stop() {
        if (producerFactory != null) {
            producerFactory.destroy();
        }
        broker.close();
    }

    @Test
    void publishingFailsWithinSecondsNotMinutesWhenTheBrokerIsGone() throws IOException {
        producerFactory = new DefaultKafkaProducerFactory<>(platformProducerDefaults(broker.bootstrapServers()));
        var publisher = new EventPublisher(new KafkaTemplate<>(producerFactory), Duration.ofSeconds(10));
        publisher.publishAndWait(statusChanged());

        broker.stop();
        long started = System.nanoTime();

        assertThatThrownBy(() -> publisher.publishAndWait(statusChanged()))
                .isInstanceOf(EventPublicationException.class)
                .hasMessageContaining("Kafka did not acknowledge nrw.ki.site.status-changed.v1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    private static EventEnvelope<SiteStatusChanged> statusChanged() {
        return EventEnvelope.of(UUID.randomUUID(), EventSource.service("site-registry"), SiteEventTypes.STATUS_CHANGED,
                "05166", new SiteStatusChanged(SiteId.of("05166"), SiteStatus.FUNDED, SiteStatus.START_PHASE,
                        LocalDate.of(2014, 2, 1)));
    }

    /** The producer settings every service gets, read from the same defaults file the services use. */
    private static Map<String, Object> platformProducerDefaults(String bootstrapServers) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = EventPublisher.class.getClassLoader().getResourceAsStream("kinetz-defaults.properties")) {
            defaults.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        String prefix = "spring.kafka.producer.properties.";
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> config.put(k.substring(prefix.length()), defaults.getProperty(k)));
        config.put(ProducerConfig.ACKS_CONFIG, defaults.getProperty("spring.kafka.producer.acks"));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, defaults.getProperty("spring.kafka.producer.key-serializer"));
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, defaults.getProperty("spring.kafka.producer.value-serializer"));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        return config;
    }
}
