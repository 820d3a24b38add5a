package nrw.kinetz.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/live} over real HTTP with low caps: a client beyond its streams, and any client beyond all
 * streams of the instance, gets 429 problem+json with {@code Retry-After} instead of a stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kinetz.reporting.live.max-streams-per-client=2", "kinetz.reporting.live.max-streams=3"})
@WithKiNetzInfrastructure
class LiveLimitsIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void aClientBeyondItsStreamsAndAnyClientBeyondAllStreamsGets429WithRetryAfter() throws Exception {
        String first = TestTokens.bearer(TestTokens.mint("live-limits-first", List.of("viewer"), null));
        String second = TestTokens.bearer(TestTokens.mint("live-limits-second", List.of("viewer"), null));
        List<SseClient> open = new ArrayList<>();
        try {
            open.add(SseClient.connect(port, "/api/v1/live", "Authorization", first));
            open.add(SseClient.connect(port, "/api/v1/live?groupBy=site", "Authorization", first));
            assertThat(open).allSatisfy(client -> assertThat(client.status()).isEqualTo(200));

            HttpResponse<String> third = get(first);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            JsonNode problem = ReportingHttp.json(third.body());
            assertThat(problem.get("errors").get(0).get("detail").asString()).contains("2 live streams");

            open.add(SseClient.connect(port, "/api/v1/live", "Authorization", second));
            assertThat(open.get(2).status()).as("another client has streams of its own").isEqualTo(200);

            HttpResponse<String> beyondAll = get(null);
            assertThat(beyondAll.statusCode()).isEqualTo(429);
            assertThat(beyondAll.headers().firstValue("Retry-After")).isPresent();
            assertThat(ReportingHttp.json(beyondAll.body()).get("detail").asString()).contains("3 clients");
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/live"))
                .header("Accept", "text/event-stream, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
