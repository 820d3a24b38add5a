package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import nrw.kinetz.devstack.BenchPlan.Collector;
import nrw.kinetz.devstack.BenchPlan.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kinetz bench}: every benchmark of docs/benchmarks.md in one run on the machine at hand — each the
 * project's own benchmark class, run as it runs alone, with its result read back — and the figures written to
 * {@code target/bench/summary.json} and into docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs every benchmark (intake, replays, 202 → SSE latency, 1,000 SSE clients, store writes, growth at 10x "
                + "events and 10x sites) and writes target/bench/summary.json and the tables in docs/benchmarks.md.",
            "A full run takes most of an hour; --quick about a quarter."})
final class BenchCommand implements Callable<Integer> {

    private static final String REPORTING = "services/reporting";
    private static final String PROGRAMS = "services/program-tracking";
    private static final String INTAKE = "services/activity-intake";
    /** The databases on the path from the intake's 202 to the live stream (each service's is its name). */
    private static final List<String> PATH_DATABASES = List.of("activity-intake.", "reporting.");

    @Option(names = "--quick", description = "The short version: smaller runs, one latency run.")
    boolean quick;

    @Option(names = "--only", paramLabel = "STEPS", description = "Comma-separated: intake, replay, programs, catalog, latency, writes, "
            + "h2-latency (default: all; latency includes writes; h2-latency is the H2 store's sustainable rate, whatever --store).")
    String only;

    @Option(names = "--collectors", paramLabel = "LIST",
            description = "The services' collectors to compare in the latency step, interleaved: serial, g1, zgc "
                    + "(default: the one ./kinetz up gives them on this Java — serial on 17, zgc from 21 on —; a full run compares it with "
                    + "the other of serial and zgc).")
    String collectors;

    @Option(names = "--rounds", defaultValue = "0", description = "Interleaved rounds per measurement (default 3).")
    int rounds;

    @Option(names = "--store", defaultValue = "MEMORY", description = "The store of every step: MEMORY or H2, the devstack's "
            + "file (default: ${DEFAULT-VALUE}).")
    Devstack.Store store;

    @Option(names = "--port-offset", defaultValue = "3000", description = "The latency step's devstack ports (default: +${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--rates", defaultValue = "100,1000", paramLabel = "LIST",
            description = "The latency step's rates in events/s, one phase each (default: ${DEFAULT-VALUE}; the summary's "
                    + "figures are those of 100 and 1000, the other phases are in the step's latency.md).")
    String rates;

    @Option(names = "--h2-rates", defaultValue = BenchLadder.DEFAULT_RATES, paramLabel = "LIST",
            description = "The h2-latency step's ladder in events/s, one phase each on the H2 store (default: ${DEFAULT-VALUE}); "
                    + "the summary's h2SustainableRate is the highest with every activity delivered and 202 → SSE p99 ≤ 100 ms, there and at every lower rate.")
    String h2Rates;

    @Option(names = "--no-docs", description = "Leave docs/benchmarks.md alone; write target/bench only.")
    boolean noDocs;

    private final Path repository = Path.of("").toAbsolutePath();
    private final Path out = repository.resolve("target/bench");
    private final BenchSummary summary = new BenchSummary();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> loads = new LinkedHashMap<>();
    private final StringBuilder tables = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path kafkaTools;

    @Override
    public Integer call() throws Exception {
        BenchPlan plan;
        List<Integer> ladder;
        try {
            plan = BenchPlan.of(quick, only, collectors, rounds, store, !noDocs);
            ladder = BenchLadder.rates("--h2-rates", h2Rates);
        } catch (IllegalArgumentException e) {
            System.err.println("[bench] " + e.getMessage());
            return 2;
        }
        Files.createDirectories(out.resolve("logs"));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        note("start");
        if (plan.steps().contains(Step.REPLAY) || plan.steps().contains(Step.LATENCY) || plan.steps().contains(Step.H2_LATENCY)) {
            kafkaTools = kafkaToolsClasspath();
        }
        if (plan.steps().contains(Step.INTAKE)) {
            intake(plan);
        }
        if (plan.steps().contains(Step.REPLAY)) {
            replay(plan);
        }
        if (plan.steps().contains(Step.PROGRAMS)) {
            programs(plan);
        }
        if (plan.steps().contains(Step.CATALOG)) {
            catalog(plan);
        }
        if (plan.steps().contains(Step.LATENCY)) {
            latency(plan);
        } else if (plan.steps().contains(Step.WRITES)) {
            writes(plan);
        }
        if (plan.steps().contains(Step.H2_LATENCY)) {
            h2Latency(plan, ladder);
        }
        note("end");
        summary.put("quick", plan.quick()).put("date", started).put("machine", BenchMachine.describe())
                .put("jvm", BenchMachine.jvm()).put("load", loads).put("failures", failures);
        Files.writeString(out.resolve("summary.json"), summary.json());
        String section = section(plan, started);
        Files.writeString(out.resolve("benchmarks.md"), section);
        if (plan.writeDocs()) {
            Path docs = repository.resolve("docs/benchmarks.md");
            Files.writeString(docs, BenchSummary.replaceSection(Files.readString(docs), section));
        }
        System.out.print(summary.json());
        System.err.println("[bench] wrote " + repository.relativize(out.resolve("summary.json"))
                + (plan.writeDocs() ? " and docs/benchmarks.md" : "") + (failures.isEmpty() ? "" : "; failed: " + failures));
        return failures.isEmpty() ? 0 : 1;
    }

    // ---- the throughput benchmarks: the project's benchmark classes, as they run alone ----

    private void intake(BenchPlan plan) throws Exception {
        Path classpath = out.resolve("intake.classpath");
        if (!maven("intake-build", "-Pbenchmark", "-pl", INTAKE, "test-compile", "dependency:build-classpath",
                "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + classpath)) {
            return;
        }
        Path result = out.resolve("intake.properties");
        String cp = String.join(java.io.File.pathSeparator, repository.resolve(INTAKE + "/target/test-classes").toString(),
                repository.resolve(INTAKE + "/target/classes").toString(), Files.readString(classpath).strip());
        if (!run("intake", List.of(java(), "-Xmx3g", "-D" + "benchmark.result=" + result, "-cp", cp,
                "nrw.kinetz.intake.benchmark.IntakeBenchmark", "--store", plan.store().name().toLowerCase(Locale.ROOT),
                "--items", String.valueOf(plan.intakeItems()),
                "--rounds", String.valueOf(plan.rounds())))) {
            return;
        }
        Map<String, String> r = read(result);
        summary.put("intakeRatio", number(r, "ratio"));
        tables.append(String.format(Locale.ROOT, "| intake: `POST /api/v1/activities` ÷ slower of Kafka `ProducerPerformance` and "
                + "the store's bulk insert | %,.0f activities/s | %,.0f / %,.0f per s | **%.2f** | ≥ 0.5 |%n",
                number(r, "intakePerSecond"), number(r, "kafkaPerSecond"), number(r, "storePerSecond"), number(r, "ratio")));
        note("intake");
    }

    private void replay(BenchPlan plan) throws Exception {
        int events = plan.replayEvents();
        Map<String, String> base = replayRun(plan, "replay", events, 54, true, plan.rounds());
        Map<String, String> moreEvents = replayRun(plan, "replay-10x-events", events * 10, 54, false, plan.rounds());
        Map<String, String> moreSites = replayRun(plan, "replay-10x-sites", events * 10, BenchPlan.GROWTH_SITES, false, plan.rounds());
        if (base != null) {
            summary.put("replayRatio", number(base, "ratio"));
            tables.append(String.format(Locale.ROOT, "| replay, reporting: rebuild of the activities read model ÷ slower of Kafka "
                    + "`ConsumerPerformance` and the store's raw bulk writes | %,.0f events in %.2f s | | **%.2f** | ≥ 0.5 |%n",
                    number(base, "events"), number(base, "replaySeconds"), number(base, "ratio")));
        }
        double once = base == null ? Double.NaN : number(base, "replaySeconds");
        double onceWithoutPauses = base == null ? Double.NaN : withoutPauses(base);
        double heap = base == null ? Double.NaN : number(base, "heapMb");
        if (moreEvents != null) {
            summary.put("growthEvents10x", number(moreEvents, "replaySeconds") / (10 * once));
            summary.put("growthEvents10xWithoutPauses", withoutPauses(moreEvents) / (10 * onceWithoutPauses));
            summary.put("growthEvents10xHeap", number(moreEvents, "heapMb") / (10 * heap));
        }
        if (moreSites != null) {
            summary.put("growthSites10x", number(moreSites, "replaySeconds") / (10 * once));
            summary.put("growthSites10xWithoutPauses", withoutPauses(moreSites) / (10 * onceWithoutPauses));
            summary.put("growthSites10xHeap", number(moreSites, "heapMb") / (10 * heap));
        }
        growthTable.add(growthRow("1×: " + events + " events, 54 sites", base, 1, once, onceWithoutPauses, heap));
        growthTable.add(growthRow("10× events: " + events * 10 + " events, 54 sites", moreEvents, 10, once, onceWithoutPauses, heap));
        growthTable.add(growthRow("10× sites: " + events * 10 + " events, 540 sites (each site as active as at 1×)", moreSites, 10,
                once, onceWithoutPauses, heap));
        note("replay");
    }

    private final List<String> growthTable = new ArrayList<>();

    private static String growthRow(String run, Map<String, String> r, int factor, double once, double onceWithoutPauses,
            double heap) {
        if (r == null) {
            return "| " + run + " | failed | | | | | |";
        }
        double seconds = number(r, "replaySeconds");
        double mb = number(r, "heapMb");
        return String.format(Locale.ROOT, "| %s | %.2f s | %.2f | %.2f s | %.2f | %.0f MB | %.2f |", run, seconds,
                seconds / (factor * once), seconds - withoutPauses(r), withoutPauses(r) / (factor * onceWithoutPauses), mb,
                mb / (factor * heap));
    }

    /** A replay's time less its own JVM's collector pauses meanwhile. */
    private static double withoutPauses(Map<String, String> r) {
        return number(r, "replaySeconds") - number(r, "collectorSeconds");
    }

    /**
     * The replay benchmarks' broker and store run in a JVM of their own (the test kit's process mode), as on the devstack
     * and as MongoDB in production: in the benchmark's JVM the store's data was heap that the replay's collector traced
     * and moved, so its pauses grew with what the store held (a fifth of the replay's time at ten times the sites), not
     * with the replay's work. The raw writes go to the same process, so both sides face the same store.
     */
    static final String REPLAY_INFRASTRUCTURE = "process";

    /**
     * The infrastructure process holds the store's data: its heap committed up front, so that the kernel's work of
     * handing it new memory is not counted as the replay's time at ten times the data. The same for every size, so the
     * sizes compare.
     */
    static final String REPLAY_STORE_HEAP = "-Xms6g -Xmx6g -XX:+AlwaysPreTouch";

    /** The replay benchmark's own JVM, which holds the service and the benchmark's records: committed up front as well. */
    static final String REPLAY_HEAP = "-Xms2g -Xmx2g -XX:+AlwaysPreTouch";

    /** How a replay benchmark gets its broker and store: the test kit's, in a process of their own, with the plan's store. */
    static List<String> replayInfrastructure(BenchPlan plan) {
        return List.of("-Dkinetz.test.store=" + plan.store().name().toLowerCase(Locale.ROOT),
                "-Dkinetz.test.infrastructure=" + REPLAY_INFRASTRUCTURE, "-Dkinetz.test.process.options=" + REPLAY_STORE_HEAP,
                // the benchmark's test JVM (and the infrastructure process it starts with its own Java) on the Java this
                // command runs on, not on the one Maven happens to run on, so that "every process" in the figures is true
                "-Djvm=" + java());
    }

    private Map<String, String> replayRun(BenchPlan plan, String name, int events, int sites, boolean withKafka, int rounds)
            throws Exception {
        Path result = out.resolve(name + ".properties");
        Files.deleteIfExists(result);
        List<String> args = new ArrayList<>(List.of("test", "-pl", REPORTING, "-Dtest=ReplayBenchmark",
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dbenchmark.events=" + events, "-Dbenchmark.sites=" + sites,
                "-Dbenchmark.rounds=" + rounds, "-Dbenchmark.result=" + result, "-DargLine=" + REPLAY_HEAP));
        args.addAll(replayInfrastructure(plan));
        if (withKafka && kafkaTools != null) {
            args.add("-Dbenchmark.kafkaToolsClasspath=" + kafkaTools);
        }
        return maven(name, args.toArray(String[]::new)) && Files.exists(result) ? read(result) : null;
    }

    private void programs(BenchPlan plan) throws Exception {
        Map<String, String> r = listenerReplay("programs", PROGRAMS, "ReplayBenchmark", plan);
        if (r == null) {
            return;
        }
        summary.put("programsReplayRatio", number(r, "ratio"));
        tables.append(String.format(Locale.ROOT, "| replay, program tracking: the indicators' listener ÷ the store's raw bulk "
                + "insert of what it wrote | %,.0f records/s | %,.0f docs/s | **%.2f** | ≥ 0.5 |%n",
                number(r, "replayPerSecond"), number(r, "rawPerSecond"), number(r, "ratio")));
        note("programs");
    }

    private void catalog(BenchPlan plan) throws Exception {
        Map<String, String> r = listenerReplay("catalog", REPORTING, "CatalogReplayBenchmark", plan);
        if (r == null) {
            return;
        }
        summary.put("catalogReplayRatio", number(r, "ratio"));
        tables.append(String.format(Locale.ROOT, "| replay, the catalog's listener (reporting): its read model ÷ the store's raw "
                + "bulk writes of the offerings each poll changed | %,.0f records/s | %,.0f records/s (%,.0f docs/s) | **%.2f** | ≥ 0.5 |%n",
                number(r, "replayPerSecond"), number(r, "rawPerSecond"), number(r, "rawDocumentsPerSecond"), number(r, "ratio")));
        note("catalog");
    }

    /**
     * The measured rounds of a listener's replay (program tracking's, the catalog's): three times {@code --rounds}. A
     * round takes about a second, and from one to the next either side's CPU per record can vary several times over on
     * two shared cores (a thread that lost its core, the compiler finishing late), so that a median of three said more
     * about which rounds were hit than about the path; nine cost the step ten seconds more.
     */
    static int listenerReplayRounds(BenchPlan plan) {
        return 3 * plan.rounds();
    }

    /** A listener's replay benchmark in {@code module}: its figures, or null where it failed (its log says why). */
    private Map<String, String> listenerReplay(String name, String module, String benchmark, BenchPlan plan) throws Exception {
        Path result = out.resolve(name + ".properties");
        Files.deleteIfExists(result);
        List<String> args = new ArrayList<>(List.of("test", "-pl", module, "-Dtest=" + benchmark,
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dbenchmark.events=" + plan.programEvents(),
                "-Dbenchmark.rounds=" + listenerReplayRounds(plan), "-Dbenchmark.result=" + result));
        args.addAll(replayInfrastructure(plan));
        return maven(name, args.toArray(String[]::new)) && Files.exists(result) ? read(result) : null;
    }

    // ---- the devstack: latency, fan-out, processes, store writes, 540 sites ----

    /** The latency benchmark's classes (reporting's test sources), compiled once per run; false where that failed. */
    private boolean latencyBenchmarkCompiled() throws Exception {
        if (latencyBenchmarkCompiled == null) {
            latencyBenchmarkCompiled = maven("reporting-test-classes", "-pl", REPORTING, "test-compile");
        }
        return latencyBenchmarkCompiled;
    }

    private Boolean latencyBenchmarkCompiled;

    /** The environment of the latency benchmark's devstack, and of no other. */
    private static final Map<String, String> LATENCY_ENVIRONMENT = Map.of(
            // 1,000 activities/s from one site: above the intake's per-client limit, which stays on outside the benchmark
            "KINETZ_INTAKE_RATELIMIT_PERSECOND", "100000", "KINETZ_INTAKE_RATELIMIT_BURST", "100000",
            "KINETZ_SITES_SYNTHETICSITES", "true",
            // 1,000 streams from one client on one instance: above the live stream's limits (500, 50 per client)
            "KINETZ_REPORTING_LIVE_MAXSTREAMS", "2000", "KINETZ_REPORTING_LIVE_MAXSTREAMSPERCLIENT", "2000",
            // The run's two tokens are fetched once and used throughout: longer than the 10 minutes tokens live
            "KINETZ_AUTH_TOKENLIFETIME", "3h");

    /** Activities per request of the latency benchmark's load. */
    private static final int LATENCY_BATCH = 20;

    /**
     * The latency benchmark's command line against the started devstack of {@code layout}, its tokens written to {@code dir}
     * and its figures to {@code result}.
     */
    private List<String> latencyBenchmark(BenchPlan plan, Path dir, DevstackLayout layout, String ki, String laki, String phases,
            Path result) throws IOException {
        Files.writeString(dir.resolve("ki.token"), ki);
        Files.writeString(dir.resolve("laki.token"), laki);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp",
                repository.resolve(REPORTING + "/target/test-classes").toString(),
                "nrw.kinetz.reporting.live.LiveLatencyBenchmark",
                "intake=http://127.0.0.1:" + layout.portOf(DevstackLayout.ACTIVITY_INTAKE),
                "reporting=http://127.0.0.1:" + layout.portOf(DevstackLayout.REPORTING),
                "bootstrap=127.0.0.1:" + layout.kafkaPort(), "kiToken=" + dir.resolve("ki.token"),
                "lakiToken=" + dir.resolve("laki.token"), "rates=" + phases, "batch=" + LATENCY_BATCH,
                "seconds=" + plan.latencySeconds(), "warmup=" + plan.warmupSeconds(), "e2eMessages=" + plan.e2eMessages(),
                "out=" + dir.resolve("latency.md"), "result=" + result, "tail=" + dir));
        if (kafkaTools != null) {
            command.add("kafkaToolsClasspath=" + kafkaTools);
        }
        return command;
    }

    private void latency(BenchPlan plan) throws Exception {
        if (!latencyBenchmarkCompiled()) {
            return;
        }
        List<Collector> runs = plan.latencyRuns();
        Map<Collector, List<Map<String, String>>> results = new LinkedHashMap<>();
        List<String> tails = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Collector collector = runs.get(i);
            Path dir = out.resolve("latency-" + (i + 1) + "-" + collector.label());
            deleteTree(dir);
            DevstackLayout layout = DevstackLayout.of(dir.resolve("data"), portOffset);
            List<String> options = new ArrayList<>(collector.options(Runtime.version().feature()));
            options.add("-Xlog:safepoint:file=" + layout.logDir().resolve("{name}-safepoints.log") + ":time");
            System.err.printf("[bench] latency run %d of %d: services with %s, store %s%n", i + 1, runs.size(), options, plan.store());
            try (Devstack devstack = new Devstack(layout, message -> System.err.println("[bench] " + message), plan.store())
                    .withChildren(options, LATENCY_ENVIRONMENT)) {
                devstack.start(Duration.ofMinutes(8));
                DevstackTokens tokens = new DevstackTokens(layout);
                String ki = tokens.token("ki-05974");
                String laki = tokens.token("laki");
                Path result = dir.resolve("latency.properties");
                List<String> command = latencyBenchmark(plan, dir, layout, ki, laki, rates, result);
                if (i == 0) {
                    command.add("sseClients=" + plan.sseClients());
                    command.add("sseRate=100");
                }
                if (run("latency-" + (i + 1) + "-" + collector.label(), command) && Files.exists(result)) {
                    Map<String, String> r = read(result);
                    results.computeIfAbsent(collector, k -> new ArrayList<>()).add(r);
                    tails.add(tail(i + 1, collector, dir, layout, r));
                }
                if (i == 0) {
                    storeWrites(devstack, layout, ki, plan.quick() ? 1_000 : 4_000);
                    registry(layout, laki);
                }
            } catch (Devstack.DevstackException | IOException | IllegalStateException e) {
                failures.add("latency run " + (i + 1) + ": " + e.getMessage());
                System.err.println("[bench] latency run " + (i + 1) + " failed: " + e.getMessage());
            }
            note("latency " + (i + 1) + " " + collector.label());
        }
        latencyFigures(plan, results);
        latencyTables.append(String.join("\n", tails));
    }

    /** The store writes per activity alone: the latency step's measurement on a devstack of the services' default settings. */
    private void writes(BenchPlan plan) throws Exception {
        Path dir = out.resolve("writes");
        deleteTree(dir);
        DevstackLayout layout = DevstackLayout.of(dir.resolve("data"), portOffset);
        Collector services = Collector.ofUp(Runtime.version().feature());
        System.err.printf("[bench] store writes: services with %s, store %s%n", services.label(), plan.store());
        try (Devstack devstack = new Devstack(layout, message -> System.err.println("[bench] " + message), plan.store())
                .withChildren(services.options(Runtime.version().feature()), Map.of())) {
            devstack.start(Duration.ofMinutes(8));
            settle(devstack);
            storeWrites(devstack, layout, new DevstackTokens(layout).token("ki-05974"), plan.quick() ? 1_000 : 4_000);
        } catch (Devstack.DevstackException | IOException | IllegalStateException e) {
            failures.add("store writes: " + e.getMessage());
            System.err.println("[bench] store writes failed: " + e.getMessage());
        }
        note("writes");
    }

    /**
     * The H2 store's sustainable rate: a devstack of its own on the H2 file store, services as {@code ./kinetz up} starts
     * them, the latency benchmark's phases at the ladder's rates (warm-up at the highest), once; the highest rate carried
     * with 202 → SSE p99 ≤ 100 ms, every lower rate carried too, goes into the summary beside every rate's p99 and Kafka's own p99.9 of the same phase.
     */
    private void h2Latency(BenchPlan plan, List<Integer> ladder) throws Exception {
        if (!latencyBenchmarkCompiled()) {
            return;
        }
        Path dir = out.resolve("h2-latency");
        deleteTree(dir);
        DevstackLayout layout = DevstackLayout.of(dir.resolve("data"), portOffset);
        Collector services = Collector.ofUp(Runtime.version().feature());
        String phases = String.join(",", ladder.stream().map(String::valueOf).toList());
        System.err.printf("[bench] H2 store's sustainable rate: services with %s, rates %s/s%n", services.label(), phases);
        try (Devstack devstack = new Devstack(layout, message -> System.err.println("[bench] " + message), Devstack.Store.H2)
                .withChildren(services.options(Runtime.version().feature()), LATENCY_ENVIRONMENT)) {
            devstack.start(Duration.ofMinutes(8));
            DevstackTokens tokens = new DevstackTokens(layout);
            Path result = dir.resolve("latency.properties");
            if (run("h2-latency", latencyBenchmark(plan, dir, layout, tokens.token("ki-05974"), tokens.token("laki"), phases, result))
                    && Files.exists(result)) {
                BenchLadder figures = BenchLadder.of(read(result), ladder, plan.latencySeconds(), LATENCY_BATCH);
                summary.put("h2SustainableRate", figures.sustainableRate());
                summary.put("h2P99MsByRate", figures.byRate(BenchLadder.Rung::p99Ms));
                summary.put("h2KafkaE2eP999MsByRate", figures.byRate(BenchLadder.Rung::kafkaP999Ms));
                summary.put("h2Collector", services.label());
                h2Ladder = figures;
            }
        } catch (Devstack.DevstackException | IOException | IllegalStateException e) {
            failures.add("h2-latency: " + e.getMessage());
            System.err.println("[bench] h2-latency failed: " + e.getMessage());
        }
        note("h2-latency");
    }

    private BenchLadder h2Ladder;

    /**
     * Waits until a fresh stack has read what its services published on start (sites, programmes): those writes are not
     * the activities', and they do not come at a steady rate that could be subtracted. Settled is 5 s with at most a
     * few documents written (relays and leases write on their own), or three minutes.
     */
    private static void settle(Devstack devstack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Map<String, long[]> before = devstack.storeWrites();
        while (System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            Map<String, long[]> now = devstack.storeWrites();
            long written = 0;
            for (Map.Entry<String, long[]> entry : now.entrySet()) {
                written += entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0];
            }
            if (written <= 10) {
                return;
            }
            System.err.printf("[bench] store writes: the stack still settles (%d documents written in 5 s)%n", written);
            before = now;
        }
    }

    private final StringBuilder latencyTables = new StringBuilder();
    private final StringBuilder processTable = new StringBuilder();
    private final StringBuilder writesTable = new StringBuilder();
    private final StringBuilder registryTable = new StringBuilder();

    private void latencyFigures(BenchPlan plan, Map<Collector, List<Map<String, String>>> results) {
        if (results.isEmpty()) {
            return;
        }
        Collector reference = results.containsKey(plan.collectors().get(0)) ? plan.collectors().get(0) : results.keySet().iterator().next();
        List<Map<String, String>> runs = results.get(reference);
        summary.put("e2eCollector", reference.label());
        summary.put("e2eP99Ms100", median(runs, "phase.100.p99Ms"));
        summary.put("e2eP99Ms1000", median(runs, "phase.1000.p99Ms"));
        summary.put("kafkaE2eP99Ms1000", median(runs, "kafka.p99Ms.1000"));
        summary.put("kafkaE2eP999Ms1000", median(runs, "kafka.p999Ms.1000"));
        Map<String, String> first = runs.get(0);
        summary.put("sseP99Ms1000Clients", numberOrNaN(first, "sse.p99Ms"));
        double rss = 0;
        Map<String, Object> processes = new TreeMap<>();
        for (String key : first.keySet()) {
            if (key.startsWith("phase.1000.process.") && key.endsWith(".rssMb")) {
                String process = key.substring("phase.1000.process.".length(), key.length() - ".rssMb".length());
                String prefix = "phase.1000.process." + process + ".";
                if (!process.startsWith("benchmark")) {
                    rss += number(first, key);
                }
                processes.put(process, Map.of("rssMb", number(first, key), "cpuPct", numberOrNaN(first, prefix + "cpuPct"),
                        "runQueueWaitPct", numberOrNaN(first, prefix + "runQueueWaitPct"), "heapUsedCommittedMb",
                        first.getOrDefault(prefix + "heapMb", "?")));
                processTable.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.0f %% | %.0f %% |%n", process, number(first, key),
                        first.getOrDefault(prefix + "heapMb", "?").replace("/", " / "), numberOrNaN(first, prefix + "cpuPct"),
                        numberOrNaN(first, prefix + "runQueueWaitPct")));
            }
        }
        summary.put("rssTotalMb", rss);
        timers(first);
        summary.put("processesAt1000", processes);
        Map<String, Object> perCollector = new LinkedHashMap<>();
        latencyTables.append("| collector of the services | run | 100/s p50 / p99 (ms) | 1,000/s p50 / p99 / p99.9 (ms) | 1,000/s 202 → feed "
                + "entry p99 (ms) | Kafka EndToEndLatency p99 / p99.9 at 1,000/s (ms) | load avg. | CPU pressure avg10 (%) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach((collector, list) -> {
            perCollector.put(collector.label(), median(list, "phase.1000.p99Ms"));
            for (int i = 0; i < list.size(); i++) {
                Map<String, String> r = list.get(i);
                latencyTables.append(String.format(Locale.ROOT, "| %s | %d | %s / %s | %s / **%s** / %s | %s | %s / %s | %s | %s |%n",
                        collector.label(), i + 1, r.get("phase.100.p50Ms"), r.get("phase.100.p99Ms"), r.get("phase.1000.p50Ms"),
                        r.get("phase.1000.p99Ms"), r.get("phase.1000.p999Ms"), r.get("phase.1000.toFeedP99Ms"),
                        r.get("kafka.p99Ms.1000"), r.get("kafka.p999Ms.1000"), r.get("phase.1000.loadavg"),
                        r.get("phase.1000.cpuPressureAvg10")));
            }
        });
        summary.put("e2eP99Ms1000ByCollector", perCollector);
        latencyTables.append("\n");
        if (first.containsKey("sse.p99Ms")) {
            latencyTables.append(String.format(Locale.ROOT, "%s concurrent laki SSE clients at 100 events/s: %s deliveries, p50 %s ms, "
                    + "**p99 %s ms**, p99.9 %s ms; %s of them saw every activity.%n%n", first.get("sse.clients"),
                    first.get("sse.deliveries"), first.get("sse.p50Ms"), first.get("sse.p99Ms"), first.get("sse.p999Ms"),
                    first.get("sse.complete")));
        }
    }

    /**
     * The intake's and reporting's store commands, Kafka sends and listener batches during the first run's 1,000/s phase
     * (their own timers): how many per 1,000 activities and how long each took on average — the round trips and relay
     * rounds an activity's way to the stream is made of.
     */
    private void timers(Map<String, String> r) {
        double activities = numberOrNaN(r, "phase.1000.accepted");
        String prefix = "phase.1000.timer.";
        Map<String, Object> figures = new TreeMap<>();
        for (String key : new TreeMap<>(r).keySet()) {
            if (key.startsWith(prefix) && key.endsWith(".count")) {
                String timer = key.substring(prefix.length(), key.length() - ".count".length());
                double count = number(r, key);
                double ms = numberOrNaN(r, prefix + timer + ".ms");
                figures.put(timer, Map.of("per1000Activities", 1000 * count / activities, "meanMs", ms / count));
                timerTable.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |%n", timer, 1000 * count / activities, ms / count));
            }
        }
        summary.put("timers1000", figures);
    }

    private final StringBuilder timerTable = new StringBuilder();

    /** The tail of one run's 1,000/s phase, set beside every process's safepoint log; a Markdown paragraph. */
    private String tail(int run, Collector collector, Path dir, DevstackLayout layout, Map<String, String> r) throws IOException {
        Path tsv = dir.resolve("tail-1000.tsv");
        if (!Files.exists(tsv) || !r.containsKey("phase.1000.startMs")) {
            return "";
        }
        List<BenchTail.Pause> pauses = new ArrayList<>();
        try (Stream<Path> logs = Files.list(layout.logDir())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith("-safepoints.log")).toList()) {
                pauses.addAll(BenchTail.pauses(log.getFileName().toString().replace("-safepoints.log", ""), Files.readAllLines(log)));
            }
        }
        String own = System.getProperty("kinetz.bench.safepoints");
        if (own != null && Files.exists(Path.of(own))) {
            pauses.addAll(BenchTail.pauses("devstack (broker, store)", Files.readAllLines(Path.of(own))));
        }
        List<BenchTail.Sample> samples = BenchTail.samples(Files.readAllLines(tsv));
        double p99 = numberOrNaN(r, "phase.1000.p99Ms");
        List<BenchTail.Sample> slowest = samples.stream().filter(s -> s.latencyMs() >= p99).toList();
        BenchTail.Analysis a = BenchTail.analyse(slowest.isEmpty() ? samples : slowest, pauses,
                number(r, "phase.1000.startMs"), number(r, "phase.1000.endMs"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", a.samples());
        figures.put("latencyMs", a.latencyMs());
        figures.put("beforeFeedMs", a.beforeFeedMs());
        figures.put("afterFeedMs", a.afterFeedMs());
        figures.put("pausedShare", a.pausedShare());
        figures.put("hiccupP99Ms", numberOrNaN(r, "phase.1000.hiccupP99Ms"));
        figures.put("hiccupMaxMs", numberOrNaN(r, "phase.1000.hiccupMaxMs"));
        Map<String, Object> stops = new TreeMap<>();
        a.processes().forEach((process, f) -> stops.put(process, Map.of("pauses", f[0], "totalMs", f[1], "longestMs", f[2],
                "slowActivitiesTouched", f[3])));
        figures.put("safepoints", stops);
        if (run == 1) {
            summary.put("tail1000", figures);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Run %d (%s): the %d activities at or above the p99 of "
                + "%.0f ms took %.0f ms on average — %.0f ms from the 202 to their feed entry (intake, Kafka, reporting's listener "
                + "batch and store writes, the feed relay's round) and %.0f ms from the feed entry to their SSE event (hand-over to "
                + "the live streams, fan-out, SSE write, the client). Some process was stopped at a safepoint for %.0f %% of that "
                + "time. A 1 ms sleep in the load generator woke up to %.1f ms late at p99 (%.1f ms at most): the machine's "
                + "scheduling delay.%n%n", run, collector.label(), a.samples(), p99, a.latencyMs(), a.beforeFeedMs(),
                a.afterFeedMs(), 100 * a.pausedShare(), numberOrNaN(r, "phase.1000.hiccupP99Ms"), numberOrNaN(r, "phase.1000.hiccupMaxMs")));
        text.append("| process | safepoints in the phase | stopped in total (ms) | longest (ms) | slow activities during one of its stops | run-queue wait, "
                + "share of the phase |\n|---|---:|---:|---:|---:|---:|\n");
        a.processes().entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey)).forEach(e -> text.append(String.format(
                Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.0f | %s %% |%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], r.getOrDefault("phase.1000.process." + e.getKey().replaceAll(" .*", "") + ".runQueueWaitPct", "–"))));
        return text.toString();
    }

    /**
     * Store writes per activity on the way to the stream: the wire server counts every write command's documents; the
     * writes of a quiet stack (relays, leases) measured first over 5 s are taken off as background.
     */
    private void storeWrites(Devstack devstack, DevstackLayout layout, String kiToken, int activities) throws Exception {
        Map<String, long[]> before = devstack.storeWrites();
        Thread.sleep(5_000);
        Map<String, long[]> quiet = devstack.storeWrites();
        long quietStart = System.nanoTime();
        URI intake = URI.create("http://127.0.0.1:" + layout.portOf(DevstackLayout.ACTIVITY_INTAKE) + "/api/v1/activities");
        String month = LocalDate.now(ZoneOffset.UTC).minusMonths(1).toString().substring(0, 7);
        int perRequest = 20;
        long pace = System.nanoTime();
        for (int sent = 0; sent < activities; sent += perRequest) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < perRequest; i++) {
                body.append(i > 0 ? "," : "").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"site\":\"05974\",\"occurredOn\":\"")
                        .append(month).append("-15\",\"field\":\"BILDUNG\",\"focusArea\":\"SEITENEINSTEIGERBERATUNG\",\"activityType\":")
                        .append("\"ERSTBERATUNG_SEITENEINSTEIGER\",\"metrics\":{\"hours\":6,\"participants\":12,\"sessions\":3,\"volunteers\":1}}");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(intake).header("Authorization", "Bearer " + kiToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the intake answered " + response.statusCode() + ": " + response.body());
            }
            pace += 200_000_000L; // 5 requests of 20 a second: 100 activities/s
            long wait = pace - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        Thread.sleep(10_000); // what the last requests set off: listener, relays
        Map<String, long[]> after = devstack.storeWrites();
        double seconds = (System.nanoTime() - quietStart) / 1e9;
        double path = 0;
        double all = 0;
        Map<String, Object> perCollection = new TreeMap<>();
        writesTable.append("| collection | documents written per activity | write commands per activity |\n|---|---:|---:|\n");
        for (String collection : after.keySet()) {
            long[] a = after.get(collection);
            long[] q = quiet.getOrDefault(collection, new long[2]);
            long[] b = before.getOrDefault(collection, new long[2]);
            double background = (q[0] - b[0]) / 5.0 * seconds;
            double backgroundCommands = (q[1] - b[1]) / 5.0 * seconds;
            double documents = Math.max(0, a[0] - q[0] - background) / activities;
            double commands = Math.max(0, a[1] - q[1] - backgroundCommands) / activities;
            if (documents < 0.0005 && commands < 0.0005) {
                continue;
            }
            all += documents;
            if (PATH_DATABASES.stream().anyMatch(collection::startsWith)) {
                path += documents;
            }
            perCollection.put(collection, Map.of("documents", documents, "commands", commands));
            writesTable.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", collection, documents, commands));
        }
        summary.put("storeWritesPerActivity", path);
        summary.put("storeWritesPerActivityAllServices", all);
        summary.put("storeWrites", perCollection);
        writesTable.append(String.format(Locale.ROOT, "%n%d activities at 100/s in requests of 20; on the path to the stream (the "
                + "databases `activity-intake` and `reporting`): **%.2f** documents written per activity; all services together "
                + "(program tracking and the catalog read the same activities): %.2f. Writes of the quiet stack over 5 s before "
                + "(relays, leases) are subtracted at their rate.%n", activities, path, all));
    }

    /**
     * Registers the 486 synthetic sites through the registry's API, which with the 54 makes 540, one after the other, and
     * compares the time per registration of all of them with that of the first 54 (the network's size at 1×). The
     * registry's request path is warmed first by 54 registrations of a registered site (409, nothing stored).
     */
    private void registry(DevstackLayout layout, String lakiToken) throws Exception {
        URI sites = URI.create("http://127.0.0.1:" + layout.portOf(DevstackLayout.SITE_REGISTRY) + "/api/v1/sites");
        for (int n = 0; n < 54; n++) {
            register(sites, lakiToken, "05974", 409);
        }
        int synthetic = BenchPlan.GROWTH_SITES - 54;
        long start = System.nanoTime();
        double first = 0;
        for (int n = 1; n <= synthetic; n++) {
            register(sites, lakiToken, String.format(Locale.ROOT, "05999%03d", n), 201);
            if (n == 54) {
                first = (System.nanoTime() - start) / 1e9;
            }
        }
        double all = (System.nanoTime() - start) / 1e9;
        double growth = (all / synthetic) / (first / 54);
        summary.put("growthSitesRegistry10x", growth);
        registryTable.append(String.format(Locale.ROOT, "Registering the %d synthetic sites through `POST /api/v1/sites` (laki token, one "
                + "after the other, after 54 warm-up requests): the first 54 in %.1f s, all %d in %.1f s — per registration "
                + "**%.2f** times the first 54's (1.0 = linear).%n", synthetic, first, synthetic, all, growth));
    }

    private void register(URI sites, String lakiToken, String id, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sites).header("Authorization", "Bearer " + lakiToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"siteId\":\"" + id
                        + "\",\"name\":\"Benchmarkkreis " + id + "\",\"territoryKind\":\"KREIS\",\"population\":250000,"
                        + "\"status\":\"DECIDED\",\"statusSince\":\"2024-01-10\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("the registry answered " + response.statusCode() + " for " + id + ": " + response.body());
        }
    }

    // ---- the document ----

    private String section(BenchPlan plan, String started) {
        StringBuilder doc = new StringBuilder();
        doc.append("## The latest `./kinetz bench`").append(plan.quick() ? " --quick" : "").append(" run\n\n");
        doc.append(String.format(Locale.ROOT, "%s, %s; %s. Load average (1 min) and CPU pressure (`/proc/pressure/cpu`, "
                + "avg10) at each step's end — %s. The machine is shared, so these are one run's figures; the reference is a run "
                + "on an otherwise quiet machine: `./kinetz bench` (full) or `./kinetz bench --quick`. `target/bench/summary.json` "
                + "holds the same figures, every step's log is in `target/bench/logs/`.%n%n", started, BenchMachine.describe(),
                BenchMachine.jvm(), String.join(", ", loads.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
        doc.append("| goal | measured | goal value |\n|---|---:|---:|\n");
        goal(doc, "intake ÷ its path's limit", "intakeRatio", "≥ 0.5");
        goal(doc, "replay (reporting) ÷ its path's limit", "replayRatio", "≥ 0.5");
        goal(doc, "replay (program tracking) ÷ the store", "programsReplayRatio", "≥ 0.5");
        goal(doc, "replay (the catalog's listener) ÷ the store", "catalogReplayRatio", "≥ 0.5");
        goal(doc, "202 → SSE p99 at 100 events/s (ms)", "e2eP99Ms100", "≤ 100");
        goal(doc, "202 → SSE p99 at 1,000 events/s (ms)", "e2eP99Ms1000", "≤ 100, or ≤ Kafka's p99.9");
        goal(doc, "Kafka EndToEndLatency p99 at 1,000 events/s, same phase (ms)", "kafkaE2eP99Ms1000", "reference");
        goal(doc, "Kafka EndToEndLatency p99.9 at 1,000 events/s, same phase (ms)", "kafkaE2eP999Ms1000", "reference");
        goal(doc, "1,000 SSE clients, delivery p99 (ms)", "sseP99Ms1000Clients", "");
        goal(doc, "RSS of the platform's processes at 1,000 events/s (MB)", "rssTotalMb", "");
        goal(doc, "store writes per activity on the path to the stream", "storeWritesPerActivity", "≤ 2");
        doc.append(BenchLadder.goalRow(h2Ladder));
        goal(doc, "growth, 10× events (time ÷ 10 × time at 1×)", "growthEvents10x", "≤ 1 (linear)");
        goal(doc, "growth, 10× sites (time ÷ 10 × time at 1×)", "growthSites10x", "≤ 1 (linear)");
        goal(doc, "growth, 10× events, less the benchmark JVM's collector pauses", "growthEvents10xWithoutPauses", "");
        goal(doc, "growth, 10× sites, less the benchmark JVM's collector pauses", "growthSites10xWithoutPauses", "");
        goal(doc, "growth, registering up to 540 sites (per registration ÷ that of the first 54)", "growthSitesRegistry10x",
                "≤ 1 (linear)");
        doc.append('\n');
        if (!tables.isEmpty()) {
            doc.append("### Throughput (medians of interleaved rounds, ").append(plan.store()).append(" store)\n\n| path | measured | limits | ratio | goal |\n|---|---:|---:|---:|---:|\n")
                    .append(tables).append('\n');
        }
        if (!growthTable.isEmpty()) {
            doc.append("### Growth (reporting's replay)\n\n| run | replay time | time ÷ (factor × time at 1×) | of it the benchmark JVM's "
                    + "collector pauses | time without them ÷ (factor × that at 1×) | heap after (MB) | heap ÷ (factor × heap at 1×) |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n").append(String.join("\n", growthTable)).append("\n\n"
                    + "The broker and the store run in a JVM of their own (the test kit's process mode), so the benchmark's JVM holds "
                    + "reporting and the benchmark's data alone; its collector's pauses are those of the replay's own work.\n\n");
        }
        if (!registryTable.isEmpty()) {
            doc.append(registryTable).append('\n');
        }
        if (!latencyTables.isEmpty()) {
            doc.append("### 202 → SSE on the devstack (20 activities per request, ").append(plan.store())
                    .append(" store)\n\n").append(latencyTables).append('\n');
        }
        if (h2Ladder != null) {
            doc.append("### The H2 store's sustainable rate (202 → SSE on a devstack with the H2 file store, 20 activities per "
                    + "request, services on ").append(summary.get("h2Collector")).append(", ").append(plan.latencySeconds())
                    .append(" s a rate)\n\nA rate is carried when every activity of its phase was sent, answered 202 and "
                            + "delivered on the stream, with 202 → SSE p99 ≤ 100 ms.\n\n").append(h2Ladder.table()).append('\n');
        }
        if (!timerTable.isEmpty()) {
            doc.append("### What an activity's way to the stream is made of, at 1,000 events/s (first run; the services' own timers)\n\n"
                    + "| service . timer . collection / command / listener | calls per 1,000 activities | mean (ms) |\n|---|---:|---:|\n")
                    .append(timerTable).append('\n');
        }
        if (!processTable.isEmpty()) {
            doc.append("### Processes at 1,000 events/s (first run)\n\n| process | RSS, highest (MB) | heap used / committed (MB) | CPU, "
                    + "share of one core | run-queue wait (all threads, share of the phase) |\n|---|---:|---:|---:|---:|\n").append(processTable).append('\n');
        }
        if (!writesTable.isEmpty()) {
            doc.append("### Store writes per activity (counted by the wire server)\n\n").append(writesTable).append('\n');
        }
        if (!failures.isEmpty()) {
            doc.append("Failed in this run: ").append(String.join("; ", failures)).append(".\n");
        }
        return doc.toString();
    }

    private void goal(StringBuilder doc, String what, String figure, String target) {
        Object value = summary.get(figure);
        doc.append("| ").append(what).append(" | ").append(value == null ? "not measured" : "**" + value + "**").append(" | ")
                .append(target).append(" |\n");
    }

    // ---- plumbing ----

    private Path kafkaToolsClasspath() throws IOException, InterruptedException {
        if (!run("kafka-tools", List.of("bash", repository.resolve("services/reporting/kafka-tools-classpath.sh").toString(), REPORTING))) {
            return null;
        }
        Path file = repository.resolve(REPORTING + "/target/kafka-tools/classpath");
        return Files.exists(file) ? file : null;
    }

    private boolean maven(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repository.resolve("mvnw").toString(), "-q", "-B"));
        command.addAll(List.of(args));
        return run(name, command);
    }

    /** Runs a step's process, its output into {@code target/bench/logs/<name>.log}; on failure shows the log's end. */
    private boolean run(String name, List<String> command) throws IOException, InterruptedException {
        Path log = out.resolve("logs").resolve(name + ".log");
        System.err.println("[bench] " + name + " (log: " + repository.relativize(log) + ")");
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
            System.err.println("[bench] " + name + " failed (exit " + exit + "), see " + log);
            failures.add(name);
            return false;
        }
        return true;
    }

    private void note(String step) {
        loads.put(step, BenchMachine.load());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Map<String, String> read(Path properties) throws IOException {
        Map<String, String> result = new HashMap<>();
        for (String line : Files.readAllLines(properties)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                result.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return result;
    }

    private static double number(Map<String, String> figures, String name) {
        String value = figures.get(name);
        if (value == null) {
            throw new IllegalStateException("the benchmark's result has no " + name);
        }
        return Double.parseDouble(value.replace(",", ""));
    }

    static double numberOrNaN(Map<String, String> figures, String name) {
        try {
            return figures.containsKey(name) ? Double.parseDouble(figures.get(name)) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Map<String, String>> runs, String name) {
        return BenchSummary.median(runs.stream().map(r -> numberOrNaN(r, name)).toList());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
