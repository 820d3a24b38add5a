package nrw.kinetz.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
class ProblemDetailsIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void invalidFieldsAreListedWithJsonPointers() throws Exception {
        var response = post("/test/batches", "application/json",
                "{\"items\":[{\"name\":\"a\",\"metrics\":{\"participants\":1}},{\"name\":\"\",\"metrics\":{\"participants\":-3}}]}");

        assertProblem(response, 400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("pointer")).containsExactlyInAnyOrder("/items/1/metrics/participants", "/items/1/name");
        assertThat(errors.toString()).contains("must be ≥ 0");
    }

    @Test
    void malformedJsonIsA400WithTheLocation() throws Exception {
        var response = post("/test/batches", "application/json", "{\"items\":[{\"name\":\"a\",");

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("detail").asString()).startsWith("malformed JSON (line 1");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        var response = post("/test/batches", "application/json", "{\"items\":[{\"name\":\"a\",\"metrics\":{\"participants\":\"many\"}}]}");

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("pointer").asString()).isEqualTo("/items/0/metrics/participants");
    }

    @Test
    void invalidValueTypeIsA400NamingTheValue() throws Exception {
        var response = post("/test/sites/12345", "application/json", "");

        assertProblem(response, 400);
        assertThat(json(response).get("detail").asString()).contains("12345");
        assertThat(json(response).get("errors")).hasSize(1);
    }

    @Test
    void domainConflictKeepsItsStatusAndDetail() throws Exception {
        var response = post("/test/conflicts", "application/json", "");

        assertProblem(response, 409);
        assertThat(json(response).get("detail").asString()).isEqualTo("CLOSED is final; allowed next states: none");
    }

    @Test
    void unsupportedContentTypeIsA415Problem() throws Exception {
        var response = post("/test/batches", "application/xml", "<items/>");

        assertProblem(response, 415);
        assertThat(json(response).get("errors")).isNotEmpty();
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/nowhere")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 404);
    }

    @Test
    void problemsAreInGermanWhenAcceptLanguageAsksForIt() throws Exception {
        var response = post("/test/batches", "application/json",
                "{\"items\":[{\"name\":\"a\",\"metrics\":{\"participants\":-3}}]}", "de-DE,de;q=0.9,en;q=0.5");

        assertProblem(response, 400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("Ungültige Anfrage");
        assertThat(problem.get("detail").asString()).isEqualTo("Der Inhalt der Anfrage ist ungültig: 1 Problem(e).");
        assertThat(problem.get("errors").get(0).get("detail").asString()).isEqualTo("muss ≥ 0 sein");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).as("pointers are not words").isEqualTo("/items/0/metrics/participants");
        assertThat(response.headers().firstValue("Content-Language")).contains("de");
        assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Language"));
    }

    @Test
    void problemsAreInEnglishWithoutAcceptLanguageOrForOtherLanguages() throws Exception {
        for (String language : new String[] {null, "fr-FR", "en"}) {
            var response = post("/test/batches", "application/json",
                    "{\"items\":[{\"name\":\"a\",\"metrics\":{\"participants\":-3}}]}", language);

            JsonNode problem = json(response);
            assertThat(problem.get("title").asString()).as(language).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid: 1 problem(s).");
            assertThat(problem.get("errors").get(0).get("detail").asString()).isEqualTo("must be ≥ 0");
            assertThat(response.headers().firstValue("Content-Language")).contains("en");
        }
    }

    @Test
    void theProblemsOfSpringMvcAreInGermanToo() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/nowhere")).header("Accept-Language", "de").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 404);
        assertThat(json(response).get("title").asString()).isEqualTo("Nicht gefunden");
        assertThat(json(response).get("detail").asString()).isEqualTo("Keine Ressource nowhere.");
    }

    @Test
    void aMissingTokenIsExplainedInGermanToo() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/test/batches")).header("Content-Type", "application/json")
                .header("Accept-Language", "de").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401);
        assertThat(json(response).get("title").asString()).isEqualTo("Nicht angemeldet");
        assertThat(json(response).get("errors").get(0).get("detail").asString()).isEqualTo("Diese Anfrage braucht ein Bearer-Token.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("errors").isArray()).isTrue();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return post(path, contentType, body, null);
    }

    private HttpResponse<String> post(String path, String contentType, String body, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("Authorization", TestTokens.bearer(TestTokens.laki()));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }
}
