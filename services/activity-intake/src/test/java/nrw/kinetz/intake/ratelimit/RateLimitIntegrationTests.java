package nrw.kinetz.intake.ratelimit;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.ActivityTopic;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/** A client that sends faster than its rate gets 429 with Retry-After; other clients are not affected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class RateLimitIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void clientAboveItsRateGets429WithRetryAfterAndNothingPublished(TestInfrastructure infrastructure) {
        // ki-throttled may send 2 requests at once and one every 50 s (config/application.properties of the tests): slow
        // enough that no refill comes between the requests however busy the machine is
        IntakeApi api = new IntakeApi(port);
        ActivityTopic topic = new ActivityTopic(infrastructure.kafkaBootstrapServers());
        String token = TestTokens.mint("ki-throttled", List.of("ki"), "05974");
        expect(api.report(IntakeApi.JSON, Activities.of("05974").json(), token), 202);
        expect(api.report(IntakeApi.JSON, Activities.of("05974").json(), token), 202);
        Activities third = Activities.of("05974");
        long before = topic.size();

        HttpResponse<String> refused = api.report(IntakeApi.JSON, third.json(), token);

        JsonNode problem = expect(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 50));
        assertThat(problem.get("detail").asString()).contains("ki-throttled");
        assertThat(topic.size()).isEqualTo(before);
        // another client still gets through
        expect(api.report(IntakeApi.JSON, Activities.of("05974").json(), TestTokens.ki("05974")), 202);
    }
}
