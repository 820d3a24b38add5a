package nrw.kinetz.intake.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;
import nrw.kinetz.intake.ActivityIntakeApplication;
import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventJson;
import nrw.kinetz.testkit.BenchmarkResult;
import nrw.kinetz.testkit.TestTokens;

/**
 * The activity intake against the limit of its path (docs/architecture.md#performance), measured in one run on one machine:
 * <ol>
 * <li>the intake: batches of 1,000 activities as JSON over HTTP, several clients at once, each answered 202
 * only after Kafka acknowledged and the ids were claimed in the store;</li>
 * <li>Kafka: its own {@code ProducerPerformance}, a separate process, the same payload, acks=all,
 * idempotent;</li>
 * <li>the store: a raw unordered bulk insert of the same claim documents with the driver.</li>
 * </ol>
 * Rounds interleave the three, so machine noise hits all of them; the medians and the ratio of the intake to
 * the slower limit are printed as a Markdown table. Not a test: run {@code ./kinetz bench --only intake}.
 *
 * <p>Arguments: {@code --store memory|h2} (default memory), {@code --items N} per round (default 100000),
 * {@code --rounds N} (default 3), {@code --clients N} concurrent HTTP clients (default 4).
 */
public final class IntakeBenchmark {

    private static final int BATCH = 1000;
    private static final Pattern PRODUCER_RESULT = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final String store;
    private final int items;
    private final int rounds;
    private final int clients;

    private IntakeBenchmark(String store, int items, int rounds, int clients) {
        this.store = store;
        this.items = items;
        this.rounds = rounds;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        String store = "memory";
        int items = 100_000;
        int rounds = 3;
        int clients = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--store" -> store = args[i + 1];
                case "--items" -> items = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int exit = 1;
        try {
            new IntakeBenchmark(store, items, rounds, clients).run();
            exit = 0;
        } catch (Exception | Error e) {
            // printed here: the exit below would otherwise end the JVM before the failure is reported
            e.printStackTrace();
            throw e;
        } finally {
            // the intake's and the broker's threads would keep a failed run alive
            System.exit(exit);
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kinetz-intake-benchmark-");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.create(0, null).start();
                EmbeddedMongo mongo = ("h2".equals(store) ? EmbeddedMongo.persistent(work.resolve("mongo"), 0)
                        : EmbeddedMongo.inMemory(0)).start();
                MongoClient driver = MongoClients.create(mongo.connectionString())) {
            String token = TestTokens.laki();
            // command-line arguments, because they win over application.properties and the platform defaults
            ConfigurableApplicationContext intake = new SpringApplicationBuilder(ActivityIntakeApplication.class)
                    .run("--server.port=0",
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--spring.mongodb.uri=" + mongo.connectionString(),
                            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerOf(token),
                            "--kinetz.intake.rate-limit.per-second=1000000",
                            "--kinetz.intake.rate-limit.burst=1000000",
                            "--logging.level.root=WARN",
                            "--logging.level.nrw.kinetz=WARN");
            int port = intake.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Path payload = work.resolve("payload.json");
            byte[] sample = EventJson.mapper().writeValueAsBytes(report(UUID.randomUUID(), 0));
            Files.write(payload, sample);
            System.err.printf("payload %d bytes; warming up%n", sample.length);
            pushThroughIntake(port, token, Math.min(items, 20_000));
            rawBulkInsert(driver, Math.min(items, 20_000));

            List<Double> intakeRates = new ArrayList<>();
            List<Double> kafkaRates = new ArrayList<>();
            List<Double> storeRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                intakeRates.add(pushThroughIntake(port, token, items));
                kafkaRates.add(producerPerformance(kafka.bootstrapServers(), payload, Math.max(items, 200_000)));
                storeRates.add(rawBulkInsert(driver, items));
                System.err.printf("round %d: intake %.0f/s, Kafka %.0f/s, store %.0f/s%n", round,
                        intakeRates.get(round - 1), kafkaRates.get(round - 1), storeRates.get(round - 1));
            }
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                ratios.add(intakeRates.get(round) / Math.min(kafkaRates.get(round), storeRates.get(round)));
            }
            report(sample.length, median(intakeRates), median(kafkaRates), median(storeRates), ratios);
            new BenchmarkResult().put("intakePerSecond", median(intakeRates)).put("kafkaPerSecond", median(kafkaRates))
                    .put("storePerSecond", median(storeRates)).put("ratio", median(ratios)).put("items", items)
                    .put("rounds", rounds).write();
            intake.close();
        }
    }

    /** Activities per second through {@code POST /api/v1/activities}, bodies built before the clock starts. */
    private double pushThroughIntake(int port, String token, int count) throws Exception {
        ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();
        for (int sent = 0; sent < count; sent += BATCH) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < Math.min(BATCH, count - sent); i++) {
                ActivityReported report = report(UUID.randomUUID(), sent + i);
                body.append(i == 0 ? "" : ",").append(requestItem(report));
            }
            bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/activities");
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (byte[] body = bodies.poll(); body != null; body = bodies.poll()) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
                    }
                    Matcher m = Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
                    if (m.find()) {
                        accepted.addAndGet(Integer.parseInt(m.group(1)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (accepted.get() != count) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + count);
        }
        return count / seconds;
    }

    /** Kafka's own producer benchmark in its own JVM: the same payload, acks=all, idempotent, platform linger. */
    private static double producerPerformance(String bootstrap, Path payload, int records) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "benchmark.producer-performance", "--num-records", Integer.toString(records),
                "--payload-file", payload.toString(), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true", "linger.ms=5",
                "key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                "value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (PRODUCER_RESULT.matcher(line).find()) {
                    last = line;
                }
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        Matcher m = PRODUCER_RESULT.matcher(last);
        m.find();
        return Double.parseDouble(m.group(2));
    }

    /**
     * Documents per second of an unordered bulk insert of claim-shaped documents, 1,000 per call, into one
     * collection that grows over the rounds as the intake's does (a larger collection is slower to insert into).
     */
    private static double rawBulkInsert(MongoClient driver, int count) {
        MongoCollection<Document> collection = driver.getDatabase("intake-benchmark").getCollection("raw");
        List<List<Document>> batches = new ArrayList<>();
        for (int sent = 0; sent < count; sent += BATCH) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, count - sent); i++) {
                ActivityReported report = report(UUID.randomUUID(), sent + i);
                batch.add(new Document("_id", report.activityId().toString()).append("site", report.siteId().value())
                        .append("hash", "0".repeat(64)).append("batch", UUID.randomUUID().toString())
                        .append("claimedAt", new Date())
                        .append("report", Document.parse(EventJson.mapper().writeValueAsString(report))));
            }
            batches.add(batch);
        }
        long started = System.nanoTime();
        for (List<Document> batch : batches) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return count / seconds;
    }

    /** About 308 bytes as JSON, like the reference payload of docs/architecture.md#performance. */
    private static ActivityReported report(UUID id, int n) {
        return new ActivityReported(id, SiteId.of("05974"), LocalDate.of(2025, 1, 1).plusDays(n % 300), Field.BILDUNG,
                FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.ERSTBERATUNG_SEITENEINSTEIGER, null, null, null,
                new ActivityMetrics(5 + n % 20, n % 3, 1 + n % 4, 2), "Erstberatung neu zugewanderter Familien");
    }

    private static String requestItem(ActivityReported report) {
        return "{\"id\":\"" + report.activityId() + "\",\"site\":\"" + report.siteId() + "\",\"occurredOn\":\""
                + report.occurredOn() + "\",\"field\":\"" + report.field() + "\",\"focusArea\":\"" + report.focusArea()
                + "\",\"activityType\":\"" + report.activityType() + "\",\"metrics\":{\"participants\":"
                + report.metrics().participants() + ",\"volunteers\":" + report.metrics().volunteers() + ",\"sessions\":"
                + report.metrics().sessions() + ",\"hours\":" + report.metrics().hours() + "},\"note\":\"" + report.note() + "\"}";
    }

    /**
     * The ratio is taken per round (the three measurements of a round are seconds apart) and its median
     * reported, which a burst of load on a shared machine disturbs less than a ratio of medians.
     */
    private void report(int payloadBytes, double intake, double kafka, double storeRate, List<Double> ratios) throws IOException {
        System.out.printf(Locale.ROOT, "| store | intake (activities/s) | Kafka ProducerPerformance (records/s) | store bulk insert"
                + " (docs/s) | intake / slower limit, per round | median |%n|---|---:|---:|---:|---|---:|%n");
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %s | %.2f |%n", store, intake, kafka, storeRate,
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), median(ratios));
        System.out.printf(Locale.ROOT, "%nmedians of %d rounds of %,d activities, %d HTTP clients, batches of %d, payload %d bytes;"
                + " machine: %s, %d cores, %s; Java %s%n", rounds, items, clients, BATCH, payloadBytes, cpu(),
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "benchmark JVM heap used %,d MB of %,d MB max (intake, broker and store in it)%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.flush();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The issuer the test kit signs with: the {@code iss} claim of one of its tokens. */
    private static String issuerOf(String jwt) {
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return EventJson.mapper().readTree(claims).get("iss").asString();
    }

    private static String cpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() throws IOException {
        Path info = Path.of("/proc/meminfo");
        if (Files.isReadable(info)) {
            String total = Files.readAllLines(info).get(0).replaceAll("\\D+", "");
            return Long.parseLong(total) / 1024 / 1024 + " GB RAM";
        }
        return "RAM unknown";
    }
}
