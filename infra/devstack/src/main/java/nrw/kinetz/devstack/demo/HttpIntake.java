package nrw.kinetz.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real intake over HTTP, with each KI's own client-credentials token: the demo's activities take exactly the
 * path a KI system's do. Waits as long as the intake asks (429, 503 with {@code Retry-After}); a repeated request
 * is safe because the ids are the same.
 */
final class HttpIntake implements Intake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 30;

    private final URI activities;
    private final Demo.Tokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokenCache = new ConcurrentHashMap<>();

    HttpIntake(URI intake, Demo.Tokens tokens) {
        this.activities = intake.resolve("/api/v1/activities");
        this.tokens = tokens;
    }

    @Override
    public Answer send(String clientId, List<DemoActivity> batch) throws InterruptedException {
        String body = JSON.writeValueAsString(batch.stream().map(DemoActivity::json).toList());
        String why = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(activities)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(clientId))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                why = "the intake at " + activities + " does not answer (" + e + "); is the devstack running (./kinetz up)?";
                Thread.sleep(1000);
                continue;
            }
            switch (response.statusCode()) {
                case 202 -> {
                    return answer(JSON.readTree(response.body()));
                }
                case 401 -> tokenCache.remove(clientId);
                case 429, 503 -> Thread.sleep(retryAfterMillis(response));
                default -> throw new DemoException("the intake answered " + response.statusCode() + ": " + response.body());
            }
            why = "the intake answered " + response.statusCode();
        }
        throw new DemoException(why + ", " + ATTEMPTS + " times in a row");
    }

    private String token(String clientId) throws InterruptedException {
        String token = tokenCache.get(clientId);
        if (token == null) {
            try {
                token = tokens.token(clientId);
            } catch (IOException | IllegalStateException e) {
                throw new DemoException("no token for " + clientId + ": " + e.getMessage(), e);
            }
            tokenCache.put(clientId, token);
        }
        return token;
    }

    private static long retryAfterMillis(HttpResponse<String> response) {
        try {
            return Math.max(100, Math.min(30_000, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")) * 1000));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static Answer answer(JsonNode summary) {
        String problem = null;
        for (JsonNode item : summary.path("items")) {
            if ("rejected".equals(item.path("status").asString()) && problem == null) {
                problem = item.toString();
            }
        }
        return new Answer(summary.path("accepted").asInt(), summary.path("duplicate").asInt(),
                summary.path("rejected").asInt(), problem);
    }
}
