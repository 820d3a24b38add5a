package nrw.kinetz.reporting;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.kafka.EventPublisher;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * What reporting's integration tests share: the running service on a random port with the test kit's Kafka
 * broker and MongoDB, a client for its HTTP API, and a publisher for the events it consumes. All of them run
 * in one cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
public abstract class ReportingIntegrationTest {

    @Autowired
    protected EventPublisher publisher;

    @Value("${local.server.port}")
    protected int port;

    /** The service's HTTP API. */
    protected ReportingHttp http;

    /** The test kit's Kafka broker, for reading topics as an outside system would. */
    protected String bootstrapServers;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new ReportingHttp(port);
        bootstrapServers = infrastructure.kafkaBootstrapServers();
    }
}
