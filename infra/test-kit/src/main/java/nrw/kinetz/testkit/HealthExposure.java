package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;

/**
 * What {@code /actuator/health} of every service shows to whom: to anonymous callers and every role but
 * {@code laki} only whether the service is up (and the names of its probe groups), never its parts (broker, store)
 * or their details, which tell an attacker what to aim at; to the LaKI the parts with their details.
 */
public final class HealthExposure {

    private HealthExposure() {
    }

    /**
     * Asserts the rule against the service on {@code port}. A part that answers late (the broker's describe has two
     * seconds) turns the service DOWN for that one call on a loaded machine, so the rule is asserted on answers of a
     * service that is up, asked again for up to half a minute.
     */
    public static void onlyTheLakiSeesTheParts(int port) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertRule(new Http(port)));
    }

    private static void assertRule(Http http) {
        List<Http.Response> public_ = List.of(http.get("/actuator/health"),
                http.get("/actuator/health", "Authorization", TestTokens.bearer(TestTokens.viewer())),
                http.get("/actuator/health", "Authorization", TestTokens.bearer(TestTokens.ki("05974"))));
        for (Http.Response response : public_) {
            JsonNode health = response.json();
            assertThat(health.get("status").asString()).as(response.body()).isEqualTo("UP");
            assertThat(health.propertyNames()).as(response.body()).isSubsetOf("status", "groups");
        }
        JsonNode asLaki = http.get("/actuator/health", "Authorization", TestTokens.bearer(TestTokens.laki())).json();
        assertThat(asLaki.at("/components/mongo/status").asString()).as(asLaki.toString()).isEqualTo("UP");
        assertThat(asLaki.at("/components/mongo/details").isObject()).as(asLaki.toString()).isTrue();
    }
}
