package nrw.kinetz.reporting.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end from the intake's 202 to the Server-Sent Event on reporting's {@code GET /api/v1/live}
 * (docs/architecture.md#performance), against a running devstack (started by
 * {@code ./kinetz bench}, which reads back what {@code result=} names), with
 * Kafka's own {@code org.apache.kafka.tools.EndToEndLatency} as the reference, run as a separate process
 * against the same broker in the same run. Not a test: the name keeps it out of {@code mvn test}; it uses the
 * JDK only.
 *
 * <p>The load: one activity (or {@code batch}) per {@code POST /api/v1/activities}, at a fixed rate, each with a fresh id, site
 * 05974, the same codes and one of the twelve months before this one — twelve cells. A laki SSE stream (exact
 * numbers) sees every cell change with the cell's activity count. Correlation: in a cell, the k-th activity
 * answered 202 in a phase is delivered with the first event whose count is at least the cell's count at the
 * phase's start plus k; latency = that event's arrival −
 * the k-th 202's arrival, both taken in this JVM with {@link System#nanoTime()}.
 *
 * <p>Arguments as {@code name=value}: {@code intake}, {@code reporting}, {@code kiToken} and {@code lakiToken}
 * (files), {@code bootstrap}, {@code kafkaToolsClasspath} (a file), {@code rates} (default 100,1000),
 * {@code seconds} per rate (default 30), {@code warmup} seconds (default 30, at the highest rate: the JIT compilers need that long on two shared
 * cores before the services run compiled code), {@code batch}
 * activities per request (default 1), {@code maxInFlight} requests (default 256; beyond it a request is not sent
 * and counted, so that an overloaded intake shows instead of piling up connections),
 * {@code e2eMessages} (default 5000), {@code sseClients} (default 0: skip the fan-out phase),
 * {@code sseRate} (default 100), {@code out} (a Markdown file for the tables), {@code result} (a file for the figures as
 * {@code name=value} lines), {@code tail} (a folder for the slowest tenth of each phase, {@code tail-<rate>.tsv}).
 */
public final class LiveLatencyBenchmark {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern PERIOD = Pattern.compile("\"period\":\"([^\"]+)\"");
    private static final Pattern ACTIVITIES = Pattern.compile("\"values\":\\{\"activities\":(\\d+)");
    private static final Pattern ACTIVITIES_ANYWHERE = Pattern.compile("\"activities\":(\\d+)");
    private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\":\"([^\"]+)\"");
    private static final Pattern MEASURE = Pattern.compile("\"measure\":\"([^\"]+)\"");
    private static final String[] JARS = {"devstack.jar", "auth-server.jar", "site-registry.jar", "activity-intake.jar", "reporting.jar",
        "program-tracking.jar", "event-catalog.jar"};
    /** Wall-clock milliseconds at {@code nanoTime} 0, so that arrivals can be set beside the collectors' logs. */
    private static final double WALL_AT_NANO_ZERO = System.currentTimeMillis() - System.nanoTime() / 1e6;

    private final Map<String, String> args;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String kiToken;
    private final String lakiToken;
    private final List<String> months = new ArrayList<>();
    /** Per month: the nanoTime of every 202, in the order they arrived, with the phase it belongs to. */
    private final Map<String, List<long[]>> accepted = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    /** Per phase: requests not sent because too many were in flight already (the intake was behind). */
    private final Map<Integer, AtomicLong> skipped = new ConcurrentHashMap<>();
    /** Per phase and month: the cell's activity count on the reference stream when the phase began. */
    private final Map<Integer, Map<String, Long>> baselines = new ConcurrentHashMap<>();
    private int batch = 1;
    private int maxInFlight = 256;
    private SseClient reference;
    private final StringBuilder report = new StringBuilder();
    /** The figures for {@code ./kinetz bench}, written as properties to {@code result=} if given. */
    private final Map<String, String> results = new java.util.TreeMap<>();

    private LiveLatencyBenchmark(Map<String, String> args) throws IOException {
        this.args = args;
        this.kiToken = Files.readString(Path.of(args.get("kiToken"))).strip();
        this.lakiToken = Files.readString(Path.of(args.get("lakiToken"))).strip();
        LocalDate thisMonth = LocalDate.now(BERLIN).withDayOfMonth(1);
        for (int i = 1; i <= 12; i++) {
            months.add(thisMonth.minusMonths(i).toString().substring(0, 7));
        }
        months.forEach(month -> accepted.put(month, new ArrayList<>()));
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            args.put(argument.substring(0, eq), argument.substring(eq + 1));
        }
        new LiveLatencyBenchmark(args).run();
    }

    private void run() throws Exception {
        String machine = machine();
        line("Machine: " + machine);
        List<Integer> rates = Arrays.stream(args.getOrDefault("rates", "100,1000").split(",")).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "30"));
        int e2eMessages = Integer.parseInt(args.getOrDefault("e2eMessages", "5000"));

        batch = Integer.parseInt(args.getOrDefault("batch", "1"));
        maxInFlight = Integer.parseInt(args.getOrDefault("maxInFlight", "256"));
        line("Activities per request: " + batch + "; at most " + maxInFlight + " requests in flight");
        SseClient stream = openReference();
        reference = stream;

        Map<String, double[]> kafka = new LinkedHashMap<>();
        kafka.put("idle", endToEndLatency(e2eMessages, "idle"));

        // Warm-up: JIT, connection pools, the store's first pages. Its latencies are phase 0, not reported.
        load(rates.stream().max(Integer::compare).orElseThrow(), warmup, 0);
        awaitDrained(stream);

        List<Object[]> rows = new ArrayList<>();
        for (int p = 0; p < rates.size(); p++) {
            int rate = rates.get(p);
            Memory memory = new Memory();
            Map<String, double[]> timersBefore = timers();
            memory.startSampling();
            // EndToEndLatency runs alongside the load, on a topic of its own on the same broker.
            double[][] underLoad = new double[1][];
            Thread reference = new Thread(() -> underLoad[0] = endToEndLatency(e2eMessages, "at " + rate + "/s"));
            reference.start();
            long sent = load(rate, seconds, p + 1);
            memory.stopSampling();
            memory.heaps(); // right after the last request: the load has just ended, the pipeline still drains
            reference.join();
            kafka.put(rate + "/s", underLoad[0]);
            awaitDrained(stream);
            rows.add(new Object[] {rate, sent, p + 1, memory});
            memory.results("phase." + rate);
            timerResults("phase." + rate, timersBefore, timers());
        }
        Thread.sleep(2000);

        table("Intake 202 → SSE event (one laki stream)", stream, rows, seconds);
        line("");
        line("| Kafka EndToEndLatency (" + e2eMessages + " messages, 316 bytes, acks=all, separate JVM) | p50 (ms) | p99 (ms) | p99.9 (ms) | avg (ms) |");
        line("|---|---:|---:|---:|---:|");
        kafka.forEach((name, v) -> {
            if (v != null) {
                String key = name.replace("/s", "");
                results.put("kafka.p50Ms." + key, fmt(v[0]));
                results.put("kafka.p99Ms." + key, fmt(v[1]));
                results.put("kafka.p999Ms." + key, fmt(v[2]));
            }
        });
        kafka.forEach((name, v) -> line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", name,
                v == null ? "–" : fmt(v[0]), v == null ? "–" : fmt(v[1]), v == null ? "–" : fmt(v[2]), v == null ? "–" : fmt(v[3]))));
        line("");
        for (Object[] row : rows) {
            ((Memory) row[3]).table("Memory at " + row[0] + " events/s");
        }

        int clients = Integer.parseInt(args.getOrDefault("sseClients", "0"));
        if (clients > 0) {
            fanOut(clients, Integer.parseInt(args.getOrDefault("sseRate", "100")), seconds, rates.size() + 1);
        }
        stream.close();
        line("");
        line("Requests not answered 202: " + failures.get());
        results.put("failures", String.valueOf(failures.get()));
        results.put("accepted", String.valueOf(accepted.values().stream().mapToLong(List::size).sum()));
        if (args.containsKey("out")) {
            Files.writeString(Path.of(args.get("out")), report.toString());
        }
        if (args.containsKey("result")) {
            StringBuilder text = new StringBuilder();
            results.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(Path.of(args.get("result")), text.toString());
        }
    }

    /**
     * The reference stream, opened again until it is open: on a loaded machine a service's first request may time out
     * fetching the issuer's keys and answer 500.
     */
    private SseClient openReference() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            SseClient stream = SseClient.open(http, args.get("reporting"), lakiToken);
            stream.awaitConnected();
            if (stream.isOpen() || attempt == 10) {
                return stream;
            }
            stream.close();
            Thread.sleep(3000);
        }
    }

    /** Opens {@code clients} laki streams, loads at {@code rate} and measures delivery to every one of them. */
    private void fanOut(int clients, int rate, int seconds, int phase) throws Exception {
        List<SseClient> streams = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            streams.add(SseClient.open(http, args.get("reporting"), lakiToken));
        }
        for (SseClient client : streams) {
            client.awaitConnected();
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Memory memory = new Memory();
        memory.startSampling();
        long sent = load(rate, seconds, phase);
        memory.stopSampling();
        memory.heaps();
        Thread.sleep(5000);
        List<Long> all = new ArrayList<>();
        int complete = 0;
        for (SseClient client : streams) {
            List<Long> latencies = latencies(client, phase, new ArrayList<>());
            all.addAll(latencies);
            if (latencies.size() == sentAccepted(phase)) {
                complete++;
            }
            client.close();
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        line("");
        line(String.format(Locale.ROOT, "%d concurrent laki SSE clients (connected in %.1f s), %d events/s for %d s: %d activities sent, "
                + "%d deliveries measured, %d of %d clients saw every activity", clients, connectSeconds, rate, seconds, sent,
                sorted.length, complete, clients));
        line("");
        line("| deliveries | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) |");
        line("|---:|---:|---:|---:|---:|");
        line(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |", sorted.length, ms(percentile(sorted, 50)),
                ms(percentile(sorted, 99)), ms(percentile(sorted, 99.9)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1])));
        line("");
        memory.table("Memory with " + clients + " SSE clients at " + rate + " events/s");
        results.put("sse.clients", String.valueOf(clients));
        results.put("sse.complete", String.valueOf(complete));
        results.put("sse.deliveries", String.valueOf(sorted.length));
        results.put("sse.p50Ms", ms(percentile(sorted, 50)));
        results.put("sse.p99Ms", ms(percentile(sorted, 99)));
        results.put("sse.p999Ms", ms(percentile(sorted, 99.9)));
        memory.results("sse");
    }

    private long sentAccepted(int phase) {
        long n = 0;
        for (List<long[]> list : accepted.values()) {
            synchronized (list) {
                for (long[] a : list) {
                    if (a[1] == phase) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private void table(String title, SseClient stream, List<Object[]> rows, int seconds) {
        line("");
        line("| " + title + " | activities (202) | not sent: intake behind | events | p50 (ms) | p90 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | not delivered | 202 → feed append p50 / p99 (ms) |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Object[] row : rows) {
            int phase = (Integer) row[2];
            List<Long> toFeed = new ArrayList<>();
            List<Long> list = latencies(stream, phase, toFeed);
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] feedSorted = toFeed.stream().mapToLong(Long::longValue).sorted().toArray();
            long accepted = sentAccepted(phase);
            String key = "phase." + row[0] + ".";
            results.put(key + "accepted", String.valueOf(accepted));
            results.put(key + "notDelivered", String.valueOf(accepted - sorted.length));
            results.put(key + "p50Ms", ms(percentile(sorted, 50)));
            results.put(key + "p90Ms", ms(percentile(sorted, 90)));
            results.put(key + "p99Ms", ms(percentile(sorted, 99)));
            results.put(key + "p999Ms", ms(percentile(sorted, 99.9)));
            results.put(key + "toFeedP50Ms", ms(percentile(feedSorted, 50)));
            results.put(key + "toFeedP99Ms", ms(percentile(feedSorted, 99)));
            tail((Integer) row[0], stream, phase, percentile(sorted, 90));
            line(String.format(Locale.ROOT, "| %d events/s for %d s | %d | %d | %d | %s | %s | %s | %s | %s | %d | %s / %s |", row[0], seconds,
                    accepted, skipped.getOrDefault(phase, new AtomicLong()).get() * batch, stream.eventsIn(phase), ms(percentile(sorted, 50)),
                    ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(percentile(sorted, 99.9)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), accepted - sorted.length,
                    ms(percentile(feedSorted, 50)), ms(percentile(feedSorted, 99))));
        }
    }

    /**
     * The slowest tenth of a phase's activities, one line each with the wall-clock milliseconds of the 202, of the
     * feed entry and of the SSE event's arrival, to {@code tail=<folder>/tail-<rate>.tsv}: the benchmark command sets
     * them beside the collectors' pauses of every process.
     */
    private void tail(int rate, SseClient stream, int phase, double fromNanos) {
        if (!args.containsKey("tail") || Double.isNaN(fromNanos)) {
            return;
        }
        StringBuilder text = new StringBuilder("accepted\tfeed\tarrived\n");
        for (long[] sample : samples(stream, phase)) {
            if (sample[1] - sample[0] >= fromNanos) {
                text.append(String.format(Locale.ROOT, "%.1f\t%d\t%.1f%n", (WALL_AT_NANO_ZERO + sample[0] / 1e6), sample[2],
                        WALL_AT_NANO_ZERO + sample[1] / 1e6));
            }
        }
        try {
            Files.createDirectories(Path.of(args.get("tail")));
            Files.writeString(Path.of(args.get("tail"), "tail-" + rate + ".tsv"), text.toString());
        } catch (IOException e) {
            System.err.println("tail not written: " + e);
        }
    }

    /**
     * Per delivered activity of a phase, matched per cell (the k-th 202 is delivered by the first event whose count is at
     * least k): {202 nanoTime, arrival nanoTime, feed entry's wall-clock ms, 202 wall-clock ms}.
     */
    private List<long[]> samples(SseClient stream, int phase) {
        List<long[]> result = new ArrayList<>();
        for (String month : months) {
            List<long[]> times = new ArrayList<>();
            List<long[]> list = accepted.get(month);
            synchronized (list) {
                list.stream().filter(a -> a[1] == phase).forEach(times::add);
            }
            long base = baselines.getOrDefault(phase, Map.of()).getOrDefault(month, 0L);
            times.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> events = stream.events(month);
            int e = 0;
            for (int k = 1; k <= times.size(); k++) {
                while (e < events.size() && events.get(e)[0] < base + k) {
                    e++;
                }
                if (e == events.size()) {
                    break;
                }
                result.add(new long[] {times.get(k - 1)[0], events.get(e)[1], events.get(e)[2], times.get(k - 1)[2]});
            }
        }
        return result;
    }

    /** Per cell: the k-th 202 is delivered by the first event whose count is at least k. Latencies of one phase, in ns. */
    private List<Long> latencies(SseClient stream, int phase, List<Long> toFeed) {
        List<Long> result = new ArrayList<>();
        for (long[] sample : samples(stream, phase)) {
            result.add(sample[1] - sample[0]);
            toFeed.add((sample[2] - sample[3]) * 1_000_000L);
        }
        return result;
    }

    /**
     * Waits until the stream has been quiet for 3 s (at most 5 minutes): what the last load left queued has arrived,
     * so that the next phase counts only its own activities — a store that cannot keep up with the warm-up's rate
     * would otherwise carry its backlog into the next phase.
     */
    private void awaitDrained(SseClient stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long quietSince = System.nanoTime();
        Map<String, Long> last = new HashMap<>();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(200);
            Map<String, Long> now = new HashMap<>();
            months.forEach(month -> now.put(month, stream.lastCount(month)));
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** Sends single-activity POSTs at {@code rate} per second for {@code seconds}; returns how many were sent. */
    private long load(int rate, int seconds, int phase) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        long total = (long) rate * seconds;
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, Long> base = new HashMap<>();
        months.forEach(month -> base.put(month, reference.lastCount(month)));
        baselines.put(phase, base);
        skipped.put(phase, new AtomicLong());
        SseClient.phase = phase;
        long requests = total / batch;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        URI uri = URI.create(args.get("intake") + "/api/v1/activities");
        ticker.scheduleAtFixedRate(() -> {
            long due = Math.min(requests, (System.nanoTime() - start) * rate / batch / 1_000_000_000L);
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                if (inFlight.get() >= maxInFlight) {
                    skipped.get(phase).incrementAndGet();
                    continue;
                }
                List<String> cells = new ArrayList<>();
                StringBuilder body = new StringBuilder(batch > 1 ? "[" : "");
                for (int i = 0; i < batch; i++) {
                    String month = months.get((int) ((n * batch + i) % months.size()));
                    cells.add(month);
                    body.append(i > 0 ? "," : "").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"site\":\"05974\",\"occurredOn\":\"")
                            .append(month).append("-15\",\"field\":\"BILDUNG\",\"focusArea\":\"SEITENEINSTEIGERBERATUNG\",\"activityType\":")
                            .append("\"ERSTBERATUNG_SEITENEINSTEIGER\",\"metrics\":{\"hours\":6,\"participants\":12,\"sessions\":3,\"volunteers\":1}}");
                }
                body.append(batch > 1 ? "]" : "");
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + kiToken)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                inFlight.incrementAndGet();
                send(request, cells, phase, inFlight, true);
            }
            if (sent.get() >= requests) {
                done.countDown();
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        done.await();
        ticker.shutdownNow();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        return (sent.get() - skipped.get(phase).get()) * batch;
    }

    /**
     * Sends one request; a connection the server closed meanwhile (Tomcat ends a keep-alive connection after 100
     * requests, the client may have picked it just then) is retried once, as any HTTP client would.
     */
    private void send(HttpRequest request, List<String> cells, int phase, AtomicInteger inFlight, boolean retry) {
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long at = System.nanoTime();
            long wall = System.currentTimeMillis();
            if (error != null && retry) {
                send(request, cells, phase, inFlight, false);
                return;
            }
            if (error == null && response.statusCode() == 202) {
                for (String month : cells) {
                    List<long[]> list = accepted.get(month);
                    synchronized (list) {
                        list.add(new long[] {at, phase, wall});
                    }
                }
            } else if (failures.incrementAndGet() <= 5) {
                System.err.println("not accepted: " + (error != null ? error : response.statusCode()));
            }
            inFlight.decrementAndGet();
        });
    }

    private static final Pattern TIMER = Pattern.compile(
            "^(mongodb_driver_commands|spring_kafka_listener|spring_kafka_template|kinetz_events_publish)_seconds_(count|sum)\\{([^}]*)\\} ([0-9.eE+-]+)$");
    private static final Pattern TIMER_TAG = Pattern.compile("(collection|command|spring_kafka_listener_id|spring_kafka_template_name|messaging_destination_name)=\"([^\"]*)\"");

    /**
     * The intake's and reporting's timers of store commands (per collection and command), of Kafka sends (one sample per
     * record, or per call for events sent together) and of listener batches, from {@code /actuator/prometheus}: {count, seconds} per timer; empty if a service does not answer.
     */
    private Map<String, double[]> timers() {
        Map<String, double[]> result = new HashMap<>();
        for (String service : List.of("intake", "reporting")) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(args.get(service) + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + lakiToken).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String line : response.body().split("\n")) {
                    Matcher m = TIMER.matcher(line);
                    if (m.find()) {
                        StringBuilder key = new StringBuilder(service).append('.').append(m.group(1));
                        Matcher tag = TIMER_TAG.matcher(m.group(3));
                        while (tag.find()) {
                            key.append('.').append(tag.group(2));
                        }
                        double[] timer = result.computeIfAbsent(key.toString(), k -> new double[2]);
                        timer["count".equals(m.group(2)) ? 0 : 1] += Double.parseDouble(m.group(4));
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.err.println("no timers from " + service + ": " + e);
            }
        }
        return result;
    }

    /** What the phase added to each timer: {@code <prefix>.timer.<service>.<timer>.count} and {@code .ms} (the sum). */
    private void timerResults(String prefix, Map<String, double[]> before, Map<String, double[]> after) {
        after.forEach((key, value) -> {
            double[] was = before.getOrDefault(key, new double[2]);
            double count = value[0] - was[0];
            if (count > 0) {
                results.put(prefix + ".timer." + key + ".count", String.format(Locale.ROOT, "%.0f", count));
                results.put(prefix + ".timer." + key + ".ms", String.format(Locale.ROOT, "%.1f", (value[1] - was[1]) * 1000));
            }
        });
    }

    /** Kafka's EndToEndLatency in its own JVM: p50, p99, p99.9 and average in ms; null if it could not run. */
    private double[] endToEndLatency(int messages, String label) {
        String classpathFile = args.get("kafkaToolsClasspath");
        if (classpathFile == null) {
            return null;
        }
        try {
            String classpath = Files.readString(Path.of(classpathFile)).strip();
            Path properties = Files.createTempFile("e2e", ".properties");
            Files.writeString(properties, "enable.idempotence=true\n");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", classpath, "org.apache.kafka.tools.EndToEndLatency", args.get("bootstrap"), "benchmark.e2e-latency",
                    String.valueOf(messages), "all", "316", properties.toString()).redirectErrorStream(true).start();
            double[] result = new double[4];
            Arrays.fill(result, Double.NaN);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String text;
                Pattern avg = Pattern.compile("Avg latency: ([0-9.]+) ms");
                Pattern percentiles = Pattern.compile("50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)");
                while ((text = reader.readLine()) != null) {
                    Matcher m = avg.matcher(text);
                    if (m.find()) {
                        result[3] = Double.parseDouble(m.group(1));
                    }
                    m = percentiles.matcher(text);
                    if (m.find()) {
                        result[0] = Double.parseDouble(m.group(1));
                        result[1] = Double.parseDouble(m.group(2));
                        result[2] = Double.parseDouble(m.group(3));
                    }
                    if (text.contains("Exception") || text.contains("ERROR")) {
                        System.err.println("EndToEndLatency (" + label + "): " + text);
                    }
                }
            }
            process.waitFor();
            return result;
        } catch (IOException | InterruptedException e) {
            System.err.println("EndToEndLatency (" + label + ") failed: " + e);
            return null;
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(double nanos) {
        return Double.isNaN(nanos) ? "–" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    /**
     * RSS (sampled every 500 ms, the highest), heap (jcmd GC.heap_info, once) and CPU time during the phase
     * ({@code /proc/<pid>/stat}, user + system) of the devstack's processes and of this benchmark's own.
     */
    private final class Memory {

        private final Map<String, Long> pids = new LinkedHashMap<>();
        private final Map<String, Long> maxRss = new ConcurrentHashMap<>();
        private final Map<String, String> heap = new LinkedHashMap<>();
        private final Map<String, Long> cpuAtStart = new HashMap<>();
        private final Map<String, Long> cpuTicks = new HashMap<>();
        private final Map<String, Long> waitAtStart = new HashMap<>();
        private final Map<String, Long> waitNanos = new HashMap<>();
        /** How late a 1 ms sleep of this JVM woke, in µs: the scheduling delay every process here suffers alike. */
        private final List<Long> hiccups = java.util.Collections.synchronizedList(new ArrayList<>());
        private Thread hiccupMeter;
        private long sampledNanos;
        private long startedAtMs;
        private long stoppedAtMs;
        private volatile boolean sampling;
        private Thread sampler;

        /**
         * Finds the processes of the devstack under test: the one whose reporting listens on the port this benchmark
         * talks to, and the processes that devstack started. Another engineer's devstack on the same machine runs the
         * same jars and is left out.
         */
        Memory() throws IOException {
            Map<Long, String> jars = new java.util.TreeMap<>();
            Long reporting = null;
            String reportingPort = "--server.port=" + URI.create(args.get("reporting")).getPort() + "\0";
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                        for (String jar : JARS) {
                            if (cmdline.contains("/" + jar + "\0") || cmdline.contains("\0" + jar + "\0")) {
                                long pid = Long.parseLong(dir.getFileName().toString());
                                jars.put(pid, jar.replace(".jar", ""));
                                if (jar.equals("reporting.jar") && cmdline.contains(reportingPort)) {
                                    reporting = pid;
                                }
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone
                    }
                }
            }
            Long devstack = reporting == null ? null
                    : ProcessHandle.of(reporting).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(null);
            jars.forEach((pid, name) -> {
                Long parent = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(null);
                if (devstack == null || pid.equals(devstack) || devstack.equals(parent)) {
                    pids.put(name, pid);
                }
            });
            pids.put("benchmark (load, SSE client)", ProcessHandle.current().pid());
        }

        void startSampling() {
            pids.forEach((name, pid) -> cpuAtStart.put(name, cpuTicks(pid)));
            pids.forEach((name, pid) -> waitAtStart.put(name, runQueueWait(pid)));
            sampledNanos = System.nanoTime();
            startedAtMs = System.currentTimeMillis();
            sampling = true;
            hiccupMeter = new Thread(() -> {
                while (sampling) {
                    long before = System.nanoTime();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    hiccups.add((System.nanoTime() - before - 1_000_000) / 1000);
                }
            }, "hiccup-meter");
            hiccupMeter.setDaemon(true);
            hiccupMeter.start();
            sampler = new Thread(() -> {
                while (sampling) {
                    pids.forEach((name, pid) -> maxRss.merge(name, rssKb(pid), Math::max));
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        void stopSampling() throws InterruptedException {
            sampling = false;
            sampler.join();
            hiccupMeter.join();
            sampledNanos = System.nanoTime() - sampledNanos;
            stoppedAtMs = System.currentTimeMillis();
            pids.forEach((name, pid) -> cpuTicks.put(name, cpuTicks(pid) - cpuAtStart.getOrDefault(name, 0L)));
            pids.forEach((name, pid) -> waitNanos.put(name, runQueueWait(pid) - waitAtStart.getOrDefault(name, 0L)));
        }

        void heaps() {
            pids.forEach((name, pid) -> {
                try {
                    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
                    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    process.waitFor();
                    // "total …K, used …K" per generation (serial, Java 17's G1); "committed …K, used …K" (G1 and ZGC on newer JDKs)
                    Matcher m = Pattern.compile("(?:total|committed) (\\d+)K, used (\\d+)K").matcher(out);
                    long total = 0;
                    long used = 0;
                    while (m.find()) { // serial GC prints one line per generation
                        total += Long.parseLong(m.group(1));
                        used += Long.parseLong(m.group(2));
                    }
                    Matcher z = Pattern.compile("used (\\d+)M, capacity (\\d+)M").matcher(out); // ZGC
                    if (total == 0 && z.find()) {
                        used = Long.parseLong(z.group(1)) * 1024;
                        total = Long.parseLong(z.group(2)) * 1024;
                    }
                    heap.put(name, used / 1024 + " / " + total / 1024);
                } catch (IOException | InterruptedException e) {
                    heap.put(name, "?");
                }
            });
        }

        void table(String title) {
            line("| " + title + " | pid | RSS, highest (MB) | heap used / committed (MB) | CPU, share of one core |");
            line("|---|---:|---:|---:|---:|");
            double seconds = sampledNanos / 1e9;
            pids.forEach((name, pid) -> line(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.0f %% |", name, pid,
                    maxRss.getOrDefault(name, 0L) / 1024, heap.getOrDefault(name, "?"),
                    seconds > 0 ? 100.0 * cpuTicks.getOrDefault(name, 0L) / CLOCK_TICKS / seconds : 0)));
            line("");
        }

        /**
         * Into the results under {@code prefix}: per process RSS, heap, CPU and the time its threads waited for a core
         * (run queue, {@code /proc/<pid>/schedstat}) as a share of the phase; the sleep hiccups of this JVM; the machine's
         * load and CPU pressure at the end.
         */
        void results(String prefix) {
            double seconds = sampledNanos / 1e9;
            pids.forEach((name, pid) -> {
                String process = prefix + ".process." + name.replaceAll(" .*", "") + ".";
                results.put(process + "rssMb", String.valueOf(maxRss.getOrDefault(name, 0L) / 1024));
                results.put(process + "heapMb", heap.getOrDefault(name, "?").replace(" ", ""));
                results.put(process + "cpuPct", String.format(Locale.ROOT, "%.0f",
                        seconds > 0 ? 100.0 * cpuTicks.getOrDefault(name, 0L) / CLOCK_TICKS / seconds : 0));
                results.put(process + "runQueueWaitPct", String.format(Locale.ROOT, "%.0f",
                        seconds > 0 ? 100.0 * waitNanos.getOrDefault(name, 0L) / 1e9 / seconds : 0));
            });
            long[] sorted;
            synchronized (hiccups) {
                sorted = hiccups.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            results.put(prefix + ".hiccupP99Ms", String.format(Locale.ROOT, "%.1f", percentile(sorted, 99) / 1000));
            results.put(prefix + ".hiccupMaxMs", String.format(Locale.ROOT, "%.1f", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0));
            results.put(prefix + ".startMs", String.valueOf(startedAtMs));
            results.put(prefix + ".endMs", String.valueOf(stoppedAtMs));
            try {
                results.put(prefix + ".loadavg", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                String pressure = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
                results.put(prefix + ".cpuPressureAvg10", pressure.replaceAll(".*avg10=([0-9.]+).*", "$1"));
            } catch (IOException | RuntimeException e) {
                // not Linux, or no pressure stall information
            }
        }

        /** @return nanoseconds the process's threads have waited on a run queue, 0 if unknown */
        private long runQueueWait(long pid) {
            long total = 0;
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[1]);
                    } catch (IOException | RuntimeException e) {
                        // thread ended
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return total;
        }

        /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux for x86 and arm). */
        private static final double CLOCK_TICKS = 100;

        /** @return user + system time of a process in clock ticks, 0 if it is gone */
        private long cpuTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // After the command in parentheses: state is field 3, utime field 14, stime field 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private long rssKb(long pid) {
            try {
                for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (l.startsWith("VmRSS:")) {
                        return Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }
    }

    /** One SSE stream of {@code /api/v1/live}: per month, every event's (activity count, arrival nanoTime). */
    static final class SseClient implements Flow.Subscriber<String> {

        private final Map<String, List<long[]>> events = new ConcurrentHashMap<>();
        private final CountDownLatch connected = new CountDownLatch(1);
        /** The server's first comment line arrived: the stream is open (not an error answer). */
        private volatile boolean open;
        private Flow.Subscription subscription;
        private String event;
        private final StringBuilder data = new StringBuilder();
        private final Map<Integer, Long> perPhase = new ConcurrentHashMap<>();
        /** Set by the benchmark when a phase's load starts. */
        static volatile int phase;

        static SseClient open(HttpClient http, String reporting, String token) {
            SseClient client = new SseClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + "/api/v1/live"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(client)).whenComplete((response, error) -> {
                if (error != null) {
                    System.err.println("SSE stream failed: " + error);
                } else if (response.statusCode() != 200) {
                    System.err.println("SSE stream: HTTP " + response.statusCode());
                }
            });
            return client;
        }

        boolean isOpen() {
            return open;
        }

        void awaitConnected() throws InterruptedException {
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the SSE stream did not connect");
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long at = System.nanoTime();
            if (line.startsWith(":")) {
                open = true;
                connected.countDown();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty()) {
                if ("aggregate".equals(event) && data.length() > 0) {
                    String json = data.toString();
                    Matcher measure = MEASURE.matcher(json);
                    Matcher period = PERIOD.matcher(json);
                    Matcher count = ACTIVITIES.matcher(json);
                    boolean found = count.find();
                    if (!found) {
                        count = ACTIVITIES_ANYWHERE.matcher(json);
                        found = count.find();
                    }
                    if (found && measure.find() && "activities".equals(measure.group(1)) && period.find()) {
                        perPhase.merge(phase, 1L, Long::sum);
                        Matcher updatedAt = UPDATED_AT.matcher(json);
                        long recorded = updatedAt.find() ? java.time.OffsetDateTime.parse(updatedAt.group(1)).toInstant().toEpochMilli() : 0;
                        events.computeIfAbsent(period.group(1), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(new long[] {Long.parseLong(count.group(1)), at, recorded});
                    }
                }
                event = null;
                data.setLength(0);
            }
        }

        List<long[]> events(String month) {
            List<long[]> list = events.getOrDefault(month, List.of());
            synchronized (list) {
                return new ArrayList<>(list);
            }
        }

        long lastCount(String month) {
            List<long[]> list = events(month);
            return list.stream().mapToLong(e -> e[0]).max().orElse(0);
        }

        /** Events that arrived from the start of the phase's load to the start of the next. */
        long eventsIn(int phase) {
            return perPhase.getOrDefault(phase, 0L);
        }

        @Override
        public void onError(Throwable throwable) {
            connected.countDown();
        }

        @Override
        public void onComplete() {
            connected.countDown();
        }

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
