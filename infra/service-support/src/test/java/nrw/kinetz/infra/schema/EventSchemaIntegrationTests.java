package nrw.kinetz.infra.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class EventSchemaIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void servesTheSchemaOfADeclaredEventWithAnETagToRevalidate() throws Exception {
        HttpResponse<String> schema = get("/api/v1/schemas/site-registered.v1.json", null);

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(schema.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(EventJson.mapper().readTree(schema.body()).get("$id").asString()).isEqualTo("urn:nrw-ki:schema:site-registered.v1");
        String etag = schema.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = get("/api/v1/schemas/site-registered.v1.json", etag);

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void anEventTheServiceDoesNotPublishIsA404ProblemNamingThoseItDoes() throws Exception {
        HttpResponse<String> missing = get("/api/v1/schemas/activity-reported.v1.json", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = EventJson.mapper().readTree(missing.body());
        assertThat(problem.get("detail").asString()).contains("activity-reported.v1", "site-registered.v1.json");
        assertThat(problem.get("errors").size()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
