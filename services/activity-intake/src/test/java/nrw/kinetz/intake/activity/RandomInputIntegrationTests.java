package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.testkit.MutatedInput;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Random and mutated JSON, NDJSON and CSV bodies (hostile field values, cut, duplicated, swapped or wrapped text,
 * changed digits, wrong content types) from one printed seed: the intake never answers 5xx, every refusal is
 * problem+json with an {@code errors} array, and it never writes partially — read back afterwards, exactly the
 * activities answered "accepted" are on {@code ki.activities.v1}, once each, and every other id the test sent is
 * still free in the intake's claims.
 */
class RandomInputIntegrationTests extends IntakeIntegrationTest {

    /** Enough to meet each kind of mutation many times in the build; more for a deeper run. */
    private static final int REQUESTS = Integer.getInteger("kinetz.random-input.requests", 300);
    private static final String SITE = "05974";
    private static final List<String> FORMATS = List.of("json-array", "json-object", "ndjson", "csv;", "csv,");
    private static final List<String> OTHER_TYPES = List.of("text/plain", "application/xml", "application/octet-stream",
            "multipart/form-data", "application/json; charset=ISO-8859-1", "text/csv; charset=UTF-16");

    @Test
    void randomAndMutatedBodiesAreNeverA5xxAndNeverWrittenPartially() {
        MutatedInput input = MutatedInput.seeded();
        long topicBefore = topic.size();
        Map<String, String> pristine = new LinkedHashMap<>();
        Set<String> accepted = new HashSet<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (int request = 0; request < REQUESTS; request++) {
            List<Activities> activities = new ArrayList<>();
            for (int i = 1 + input.nextInt(4); i > 0; i--) {
                Activities activity = Activities.of(SITE);
                pristine.put(activity.id(), activity.json());
                if (input.chance(0.4)) {
                    activity.with(input.oneOf(List.of("id", "site", "occurredOn", "field", "focusArea", "activityType",
                            "program", "block", "measureId", "participants", "volunteers", "sessions", "hours", "note")),
                            input.chance(0.1) ? null : input.hostileValue());
                }
                activities.add(activity);
            }
            String format = input.oneOf(FORMATS);
            String body = switch (format) {
                case "json-array" -> Activities.array(activities);
                case "json-object" -> activities.get(0).json();
                case "ndjson" -> Activities.ndjson(activities);
                default -> Activities.csv(activities, format.charAt(3));
            };
            if (input.chance(0.6)) {
                body = input.mutate(body);
            }
            String contentType = input.chance(0.9)
                    ? (format.startsWith("json") ? IntakeApi.JSON : format.equals("ndjson") ? IntakeApi.NDJSON : IntakeApi.CSV)
                    : input.oneOf(OTHER_TYPES);

            HttpResponse<String> response = send(contentType, body);
            String about = input.describe(contentType + " " + body) + System.lineSeparator() + "answer: " + response.statusCode()
                    + " " + response.body();
            assertThat(response.statusCode()).as(about).isLessThan(500);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as(about)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(IntakeApi.json(response).get("errors").isArray()).as(about).isTrue();
                continue;
            }
            assertThat(response.statusCode()).as(about).isEqualTo(202);
            for (JsonNode item : IntakeApi.json(response).get("items")) {
                String status = item.get("status").asString();
                assertThat(status).as(about).isIn("accepted", "duplicate", "rejected");
                if (status.equals("accepted")) {
                    assertThat(accepted.add(item.get("id").asString())).as("accepted twice: " + about).isTrue();
                }
            }
        }

        System.out.printf("Random input to the intake, seed %d: %d requests answered %s; %d activities accepted%n",
                input.seed(), REQUESTS, statuses, accepted.size());
        Map<String, Integer> published = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topic.withIds(union(accepted, pristine.keySet()))) {
            published.merge(CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID).orElseThrow(), 1, Integer::sum);
        }
        String seed = "seed " + input.seed() + " (repeat with -D" + MutatedInput.SEED_PROPERTY + "=" + input.seed() + ")";
        assertThat(published.keySet()).as("published are exactly the accepted; " + seed).isEqualTo(accepted);
        assertThat(published.values()).as("each once; " + seed).allMatch(times -> times == 1);
        assertThat(topic.size() - topicBefore).as("nothing else was published; " + seed).isEqualTo(accepted.size());

        List<String> neverAccepted = pristine.entrySet().stream().filter(e -> !accepted.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        for (int from = 0; from < neverAccepted.size(); from += 500) {
            List<String> chunk = neverAccepted.subList(from, Math.min(neverAccepted.size(), from + 500));
            HttpResponse<String> dryRun = api.report("?dryRun=true", IntakeApi.JSON, "[" + String.join(",", chunk) + "]",
                    TestTokens.ki(SITE));
            assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
            for (JsonNode item : IntakeApi.json(dryRun).get("items")) {
                assertThat(item.get("status").asString()).as("no claim left by a refused request: %s; %s", item, seed)
                        .isEqualTo("valid");
            }
        }
    }

    /** Sends the body; a 429 of the intake's rate limit is waited out, so that every input is judged. */
    private HttpResponse<String> send(String contentType, String body) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = api.report("", contentType, body.getBytes(StandardCharsets.UTF_8), TestTokens.ki(SITE));
            if (response.statusCode() != 429 || attempt == 20) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(Duration.ofSeconds(Math.min(seconds, 2)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
