package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Nothing acknowledged is lost (docs/architecture.md#nothing-lost): with Kafka gone the intake answers 503 with Retry-After
 * within 10 s — never 202 — and the client's retry after the broker is back is accepted once. Uses its own
 * broker, which it stops; the shared one stays up for the other tests (MongoDB and the token issuer are
 * the shared ones).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaOutageIntegrationTests {

    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.create(0, null).start();

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    Environment environment;

    @Test
    void stoppedBrokerIs503WithinTenSecondsAndTheRetryAfterTheRestartIsAcceptedOnce() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(BROKER.bootstrapServers());
        IntakeApi api = new IntakeApi(port);
        ActivityTopic topic = new ActivityTopic(BROKER.bootstrapServers());
        expect(api.report(IntakeApi.JSON, Activities.of("05974").json(), TestTokens.ki("05974")), 202);
        Activities activity = Activities.of("05974");
        String body = Activities.array(List.of(activity, Activities.of("05974")));

        BROKER.stop();
        long started = System.nanoTime();
        HttpResponse<String> refused = api.report(IntakeApi.JSON, body, TestTokens.ki("05974"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode problem = expect(refused, 503);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(problem.get("detail").asString()).contains("Kafka did not acknowledge");

        BROKER.start();
        JsonNode accepted = retryUntilAccepted(api, body);

        assertThat(accepted.get("accepted").asInt()).isEqualTo(2);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
        JsonNode again = expect(api.report(IntakeApi.JSON, body, TestTokens.ki("05974")), 202);
        assertThat(again.get("duplicate").asInt()).isEqualTo(2);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    /** What a client does: honour Retry-After until the intake accepts (the producer reconnects in a moment). */
    private static JsonNode retryUntilAccepted(IntakeApi api, String body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            HttpResponse<String> response = api.report(IntakeApi.JSON, body, TestTokens.ki("05974"));
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return expect(response, 202);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
