package nrw.kinetz.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.infra.testapp.TestApplication;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKiNetzInfrastructure
class MongoHealthIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void mongoStaysUpOnceTheServiceHasStoredSomething() throws Exception {
        // Boot's own indicator sends 'hello' to every existing database, which the embedded server refuses.
        mongo.insert(new Document("stored", true), "health-check-probe");

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("Authorization", TestTokens.bearer(TestTokens.laki())).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode health = EventJson.mapper().readTree(response.body());

        assertThat(health.at("/components/mongo/status").asString()).as(response.body()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/details/database").asString()).isEqualTo("service-support-tests");
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
