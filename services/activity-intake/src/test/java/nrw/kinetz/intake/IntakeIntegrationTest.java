package nrw.kinetz.intake;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * What the intake's integration tests share: the running service on a random port with the test kit's Kafka
 * broker and MongoDB, a client for its API and a reader of {@code ki.activities.v1}. All of them run in one
 * cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
public abstract class IntakeIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    /** The intake's HTTP API. */
    protected IntakeApi api;

    /** What reached {@code ki.activities.v1}. */
    protected ActivityTopic topic;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        api = new IntakeApi(port);
        topic = new ActivityTopic(infrastructure.kafkaBootstrapServers());
    }
}
