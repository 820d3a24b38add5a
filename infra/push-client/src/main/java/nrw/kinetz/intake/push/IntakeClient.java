package nrw.kinetz.intake.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends batches to {@code POST /api/v1/activities} and turns the answers into the report. A batch is sent
 * again after a 429 or 503 — after the intake's {@code Retry-After} (seconds or an HTTP date), growing the pause
 * when it has none — which is safe: a retry of the same ids and content is counted once
 * (docs/architecture.md#idempotency). Every pause is stretched by a random part of up to half its length, so that
 * many KI systems refused at the same moment do not all come back at the same moment.
 */
final class IntakeClient {

    /** Waits; tests replace it to avoid real pauses. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(300);

    private final HttpClient http;
    private final URI activities;
    private final ClientCredentials credentials;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Progress progress;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Messages messages;

    /**
     * @param clock    for a {@code Retry-After} given as a date
     * @param random   numbers in [0, 1) for the pauses' random part
     * @param messages the language of what it reports, which it also asks of the intake ({@code Accept-Language})
     */
    IntakeClient(HttpClient http, URI activities, ClientCredentials credentials, Sleeper sleeper, Duration maxWait,
            Progress progress, Clock clock, DoubleSupplier random, Messages messages) {
        this.http = http;
        this.activities = activities;
        this.credentials = credentials;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.progress = progress;
        this.clock = clock;
        this.random = random;
        this.messages = messages;
    }

    /**
     * Sends {@code batch} until the intake decides about it, and records the decision.
     *
     * @throws PushException when going on makes no sense: the header is wrong, the token is refused, the
     *                       intake stays unavailable longer than the allowed wait
     */
    void push(Batch batch, boolean dryRun, PushReport report) throws InterruptedException {
        URI uri = dryRun ? URI.create(activities + "?dryRun=true") : activities;
        Duration waited = Duration.ZERO;
        boolean tokenRenewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", batch.contentType())
                        .header("Accept", "application/json")
                        .header("Accept-Language", messages.locale().getLanguage())
                        .header("Authorization", "Bearer " + credentials.token())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                waited = pause(waited, backoff(attempt), messages.text("wait.unreachable", e.getMessage()), batch);
                continue;
            }
            int status = response.statusCode();
            if (status == 200 || status == 202) {
                summary(batch, body(response), report);
                return;
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(response.headers().firstValue("Retry-After"), clock).orElse(backoff(attempt));
                if (status == 503) {
                    wait = max(wait, backoff(attempt));
                }
                waited = pause(waited, wait, messages.text(status == 429 ? "wait.rate-limit" : "wait.unavailable"), batch);
                continue;
            }
            if (status == 401 && !tokenRenewed) {
                tokenRenewed = true;
                try {
                    credentials.refresh();
                } catch (IOException e) {
                    throw new PushException(messages.text("error.token-renewal", e.getMessage()), e);
                }
                continue;
            }
            if (status == 400 || status == 403 || status == 409) {
                refused(batch, body(response), report);
                return;
            }
            if (status == 502 || status == 504) {
                // A gateway between us and the intake: the intake itself may be fine in a moment.
                waited = pause(waited, backoff(attempt), messages.text("wait.status", status), batch);
                continue;
            }
            // 500 (e.g. "Store fault") is the intake saying it cannot take this batch: repeating it would not help.
            throw new PushException(messages.text("error.batch-refused", batch.number(), status, detail(response)));
        }
    }

    /** 200/202: one outcome per activity; rejected ones with the intake's reasons at the file's lines. */
    private void summary(Batch batch, JsonNode summary, PushReport report) {
        for (JsonNode item : summary.get("items")) {
            switch (item.get("status").asString()) {
                case "accepted" -> report.accepted(1);
                case "duplicate" -> report.duplicate(1);
                case "valid" -> report.valid(1);
                default -> {
                    int line = item.has("line") ? batch.fileLine(item.get("line").asInt()) : 0;
                    List<PushReport.Rejection> reasons = new ArrayList<>();
                    for (JsonNode error : item.path("errors")) {
                        reasons.add(rejection(batch, error, line));
                    }
                    report.rejected(reasons.isEmpty() ? List.of(new PushReport.Rejection(line, messages.text("report.rejected-reason"))) : reasons);
                }
            }
        }
    }

    /** 400/403/409: nothing of the batch was accepted; a problem with the CSV header stops the push. */
    private void refused(Batch batch, JsonNode problem, PushReport report) {
        List<PushReport.Rejection> reasons = new ArrayList<>();
        int firstLine = batch.firstLine();
        for (JsonNode error : problem.path("errors")) {
            if (batch.csv() && error.path("line").asInt(0) == 1) {
                throw new PushException(messages.text("error.header", error.path("detail").asString("")));
            }
            reasons.add(rejection(batch, error, firstLine));
        }
        if (reasons.isEmpty()) {
            reasons.add(new PushReport.Rejection(firstLine, problem.path("detail").asString("refused")));
        }
        report.batchRejected(batch.items(), reasons);
    }

    private static PushReport.Rejection rejection(Batch batch, JsonNode error, int fallbackLine) {
        int line = error.has("line") ? batch.fileLine(error.get("line").asInt()) : fallbackLine;
        String pointer = error.has("pointer") && !error.get("pointer").asString().isEmpty()
                ? error.get("pointer").asString() + ": " : "";
        return new PushReport.Rejection(line, pointer + error.path("detail").asString(""));
    }

    private Duration pause(Duration waited, Duration planned, String why, Batch batch) throws InterruptedException {
        Duration wait = jittered(planned, random.getAsDouble());
        Duration total = waited.plus(wait);
        if (total.compareTo(maxWait) > 0) {
            throw new PushException(messages.text("error.gave-up", why, batch.number(), waited.toSeconds(), maxWait.toSeconds()));
        }
        progress.waiting(messages.text("wait.retry", why, batch.number(), Math.max(1, wait.toSeconds())));
        sleeper.sleep(wait);
        return total;
    }

    /** 1, 2, 4, … seconds, at most a minute. */
    static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt - 1, 6);
        return Duration.ofSeconds(seconds).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** {@code wait} plus {@code random} (in [0, 1)) times half of it: never shorter than asked, at most half again. */
    static Duration jittered(Duration wait, double random) {
        return wait.plusMillis((long) (wait.toMillis() * 0.5 * random));
    }

    /**
     * What {@code Retry-After} asks for (RFC 9110): a number of seconds or an HTTP date (then the time until it,
     * nothing when it is past); at most five minutes, nothing when the header is absent or unreadable.
     */
    static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                wait = MAX_RETRY_AFTER;
            }
        } else {
            try {
                wait = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new PushException(messages.text("error.not-json", response.statusCode(), response.body()));
        }
    }

    private static String detail(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("detail").asString(response.body());
        } catch (JacksonException e) {
            return response.body();
        }
    }
}
