package nrw.kinetz.intake;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nrw.kinetz.testkit.ServiceInstances;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Two intake instances behind one load balancer, on one broker and one store (docs/operations.md#scale-out): the
 * claims in the store make a client's retry on the other instance a duplicate, published once; the rate limit is
 * each instance's own.
 */
@WithKiNetzInfrastructure
class TwoInstancesIntegrationTests {

    private static ServiceInstances instances;
    private static List<IntakeApi> api;
    private static ActivityTopic topic;

    @BeforeAll
    static void startTwoInstances() {
        instances = ServiceInstances.start(ActivityIntakeApplication.class, 2);
        api = List.of(new IntakeApi(instances.port(0)), new IntakeApi(instances.port(1)));
        topic = new ActivityTopic(TestInfrastructure.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void aRetryOnTheOtherInstanceIsADuplicateAndPublishedOnce() {
        Activities activity = Activities.of("05974");
        JsonNode first = expect(api.get(0).report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        long before = topic.size();

        JsonNode retry = expect(api.get(1).report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);

        assertThat(first.get("accepted").asInt()).isEqualTo(1);
        assertThat(retry.get("duplicate").asInt()).isEqualTo(1);
        assertThat(retry.get("items").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(topic.size()).isEqualTo(before);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    @Test
    void theSameIdWithOtherContentOnTheOtherInstanceIsAConflict() {
        Activities activity = Activities.of("05974");
        expect(api.get(1).report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);

        JsonNode problem = expect(api.get(0).report(IntakeApi.JSON, activity.with("participants", "13").json(),
                TestTokens.ki("05974")), 409);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/id");
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    @Test
    void theRateLimitIsKeptPerInstance() {
        // ki-throttled may send 2 requests at once and one every 2 s (config/application.properties of the tests)
        String token = TestTokens.mint("ki-throttled", List.of("ki"), "05974");
        int sent = 0;
        while (api.get(0).report(IntakeApi.JSON, Activities.of("05974").json(), token).statusCode() != 429) {
            sent++;
            assertThat(sent).as("requests before the first instance refuses").isLessThan(20);
        }

        // The other instance has a bucket of its own: with n instances a client may send n times its rate.
        expect(api.get(1).report(IntakeApi.JSON, Activities.of("05974").json(), token), 202);
    }
}
