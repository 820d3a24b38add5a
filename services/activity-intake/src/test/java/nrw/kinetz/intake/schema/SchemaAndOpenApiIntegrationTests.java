package nrw.kinetz.intake.schema;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/** The published contract: JSON Schemas of the events and an OpenAPI document with an example per body format. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class SchemaAndOpenApiIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void theJsonSchemaOfEachEventIsServedPublicly() {
        IntakeApi api = new IntakeApi(port);

        var reported = api.get("/api/v1/schemas/activity-reported.v1.json");
        var retracted = api.get("/api/v1/schemas/activity-retracted.v1.json");

        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(reported.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(IntakeApi.json(reported).get("$id").asString()).isEqualTo("urn:nrw-ki:schema:activity-reported.v1");
        assertThat(IntakeApi.json(reported).get("required").toString()).contains("activityId", "metrics");
        assertThat(IntakeApi.json(retracted).get("$id").asString()).isEqualTo("urn:nrw-ki:schema:activity-retracted.v1");
        expect(api.get("/api/v1/schemas/site-registered.v1.json"), 404);
    }

    @Test
    void theOpenApiDocumentShowsEveryBodyFormatWithAnExample() {
        JsonNode api = IntakeApi.json(new IntakeApi(port).get("/v3/api-docs"));

        JsonNode post = api.get("paths").get("/api/v1/activities").get("post");
        JsonNode content = post.get("requestBody").get("content");
        assertThat(content.propertyNames()).containsExactlyInAnyOrder("application/json", "application/x-ndjson", "text/csv");
        assertThat(content.get("application/json").get("examples").propertyNames()).contains("one activity", "array");
        assertThat(content.get("text/csv").get("examples").get("CSV").get("value").asString())
                .startsWith("Kennung;KI;Datum;Feld;Handlungsfeld");
        assertThat(content.get("application/x-ndjson").get("examples").get("NDJSON").get("value").asString()).contains("\n{\"id\"");
        assertThat(post.get("responses").propertyNames()).contains("202", "400", "403", "413", "415", "429", "503");
        assertThat(api.get("paths").get("/api/v1/activities/{id}/retraction")).isNotNull();
    }
}
