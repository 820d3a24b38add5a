package nrw.kinetz.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;

/**
 * A Kafka broker of one test's own, which the test may stop and start to simulate an outage of Kafka: it comes
 * back on the same port with the same log directory, so every record acknowledged before the outage is there
 * afterwards and clients reconnect to the address they know. The shared broker of the test kit stays up for the
 * other tests. Use like {@link StoppableStore}.
 */
public final class StoppableBroker implements AutoCloseable {

    private final EmbeddedKafkaBroker kafka;

    private StoppableBroker(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    /** A running broker on a free port whose log directory is a new temporary directory. */
    public static StoppableBroker started() {
        return new StoppableBroker(EmbeddedKafkaBroker.create(0, null).start());
    }

    /** Points {@code spring.kafka.bootstrap-servers} at this broker. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The outage begins: the broker shuts down, clients' connections are refused. */
    public void stop() {
        kafka.stop();
    }

    /** The outage ends: the same port, the same log directory; returns once the broker answers. */
    public void start() {
        kafka.start();
    }

    public boolean isRunning() {
        return kafka.isRunning();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
