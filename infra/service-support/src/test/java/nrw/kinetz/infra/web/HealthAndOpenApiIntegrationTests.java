package nrw.kinetz.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class HealthAndOpenApiIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void healthTellsEveryoneOnlyWhetherTheServiceIsUp() throws Exception {
        JsonNode anonymous = get("/actuator/health");
        JsonNode asViewer = get("/actuator/health", TestTokens.viewer());

        for (JsonNode health : List.of(anonymous, asViewer)) {
            assertThat(health.get("status").asString()).isEqualTo("UP");
            // "groups" names the probe groups (liveness, readiness), nothing about the parts behind them.
            assertThat(health.propertyNames()).as("no parts, no details").contains("status").isSubsetOf("status", "groups");
        }
    }

    @Test
    void healthShowsItsPartsAndTheirDetailsToLakiOnly() throws Exception {
        JsonNode asLaki = get("/actuator/health", TestTokens.laki());

        assertThat(asLaki.at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(asLaki.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(asLaki.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
    }

    @Test
    void probesAnswerOnTheLivenessAndReadinessGroupsWhileKafkaAndTheStoreStayInTheFullHealth() throws Exception {
        JsonNode liveness = get("/actuator/health/liveness", TestTokens.laki());
        JsonNode readiness = get("/actuator/health/readiness", TestTokens.laki());
        JsonNode health = get("/actuator/health", TestTokens.laki());

        assertThat(liveness.get("status").asString()).isEqualTo("UP");
        assertThat(liveness.at("/components/kafka").isMissingNode()).as("liveness does not depend on Kafka").isTrue();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/readinessState/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/kafka").isMissingNode())
                .as("a shared broker's outage must not take every instance out of the load balancer").isTrue();
        assertThat(readiness.at("/components/mongo").isMissingNode()).as("nor the shared store's").isTrue();
        assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").get("status").asString()).as("probes need no token").isEqualTo("UP");
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        JsonNode api = get("/v3/api-docs");

        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("paths").has("/test/batches")).isTrue();
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerTokenAsOptional() throws Exception {
        JsonNode api = get("/v3/api-docs");

        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.get("security").toString()).isEqualTo("[{},{\"bearer\":[]}]");
    }

    @Test
    void theInteractiveApiPageIsPublicAndShowsThisServicesDocument() throws Exception {
        var redirect = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));

        var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        assertThat(get("/v3/api-docs/swagger-config").get("url").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void aRequestContinuesTheCallersTraceAndItsLogLinesCarryIt() throws Exception {
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        JsonNode inRequest = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/trace"))
                .header("traceparent", caller).GET());
        JsonNode withoutCaller = get("/test/trace");

        assertThat(inRequest.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(inRequest.get("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(withoutCaller.get("traceId").asString()).as("a new trace").matches("[0-9a-f]{32}")
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private JsonNode get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(token)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }
}
