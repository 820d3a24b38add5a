package nrw.kinetz.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code ./kinetz bench} measures and how much: the sizes of a full run or of {@code --quick}, the steps to run
 * and the collectors to compare. Pure, so that the command line's meaning is tested without running anything.
 *
 * @param quick          the short version (minutes instead of most of an hour)
 * @param steps          which measurements run
 * @param intakeItems    activities per intake round
 * @param rounds         interleaved rounds inside each throughput benchmark, and of each collector in the latency step
 * @param replayEvents   events of the replay at 1× (the growth runs use ten times as many)
 * @param programEvents  records of program tracking's replay, and of the catalog's
 * @param latencySeconds seconds per rate in the latency step
 * @param warmupSeconds  warm-up at the highest rate before the latency step measures
 * @param e2eMessages    messages of each Kafka {@code EndToEndLatency} run
 * @param sseClients     concurrent SSE clients of the fan-out phase
 * @param collectors     the JVM settings of the services to compare, each run {@code rounds} times, interleaved
 * @param store          the devstack's store for the latency step
 * @param writeDocs      whether the tables go into docs/benchmarks.md
 */
record BenchPlan(boolean quick, Set<Step> steps, int intakeItems, int rounds, int replayEvents, int programEvents,
        int latencySeconds, int warmupSeconds, int e2eMessages, int sseClients, List<Collector> collectors, Devstack.Store store,
        boolean writeDocs) {

    /** Ten times the 54 sites: the growth run's network. */
    static final int GROWTH_SITES = 540;

    enum Step {
        /** intake ÷ Kafka ProducerPerformance and ÷ the store's raw bulk insert */
        INTAKE,
        /** reporting's replay ÷ ConsumerPerformance and ÷ the store, at 1×, 10× events and 10× sites */
        REPLAY,
        /** program tracking's replay ÷ the store */
        PROGRAMS,
        /** the catalog listener's replay (reporting's read model of ki.catalog.v1) ÷ the store */
        CATALOG,
        /** the devstack: 202 → SSE, EndToEndLatency, 1,000 SSE clients, processes, store writes, 540 sites registered */
        LATENCY,
        /** the store writes per activity alone, on a devstack of its own (part of the latency step where that runs) */
        WRITES,
        /**
         * {@code h2-latency}: the H2 store's sustainable rate — 202 → SSE on a devstack of its own with the H2 file store, at a
         * ladder of rates, whatever {@code --store} the other steps use
         */
        H2_LATENCY;

        /** The step's name on the command line: {@code h2-latency} for {@code H2_LATENCY}. */
        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The services' JVM settings compared in the latency step. */
    enum Collector {
        /** what {@code ./kinetz up} gives every service on Java 17 */
        SERIAL(List.of("-Xmx512m", "-XX:+UseSerialGC")),
        G1(List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10")),
        /** generational on Java 21 and later (the only mode from 23 on); what {@code ./kinetz up} gives every service there */
        ZGC(List.of("-Xmx512m", "-XX:+UseZGC"));

        private final List<String> options;

        Collector(List<String> options) {
            this.options = options;
        }

        /**
         * The options for a JVM of {@code featureVersion}; ZGC is asked for its generational mode on 21 and 22. Before 23 the
         * JVM also stops every thread once a second for housekeeping that can wait for the next collection; on two busy cores
         * reaching that stop took up to 2 s (every thread must get a core first), so it is switched off as later versions do.
         */
        List<String> options(int featureVersion) {
            List<String> result = new ArrayList<>(options);
            if (this == ZGC && (featureVersion == 21 || featureVersion == 22)) {
                result.add("-XX:+ZGenerational");
            }
            if (featureVersion < 23) {
                result.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0"));
            }
            return result;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The collector {@code ./kinetz up} gives the services on a Java of {@code featureVersion}: generational ZGC where
         * there is one (21 and later), whose pauses stay below a millisecond; on 17 the serial collector, whose young
         * collections of a 512 MB heap were shorter on two shared cores than G1's, while 17's ZGC, not generational, marks
         * the whole heap in every cycle (docs/benchmarks.md, "The latency levers").
         */
        static Collector ofUp(int featureVersion) {
            return featureVersion >= 21 ? ZGC : SERIAL;
        }
    }

    /**
     * Reads the command line's values.
     *
     * @param only       comma-separated steps, or null for all
     * @param collectors comma-separated collectors, or null for the default: the one {@code ./kinetz up} gives the services
     *                   on this Java (serial on 17, ZGC from 21 on); with a full run that one, then the other of the two
     * @param rounds     0 for the default (3)
     * @throws IllegalArgumentException naming the unknown value and the known ones
     */
    static BenchPlan of(boolean quick, String only, String collectors, int rounds, Devstack.Store store, boolean writeDocs) {
        return of(quick, only, collectors, rounds, store, writeDocs, Runtime.version().feature());
    }

    /** As {@link #of(boolean, String, String, int, Devstack.Store, boolean)} for the services running on {@code featureVersion}. */
    static BenchPlan of(boolean quick, String only, String collectors, int rounds, Devstack.Store store, boolean writeDocs,
            int featureVersion) {
        if (rounds < 0 || rounds > 20) {
            throw new IllegalArgumentException("--rounds must be 1 to 20, was " + rounds);
        }
        int r = rounds == 0 ? 3 : rounds;
        Set<Step> steps = only == null || only.isBlank() ? EnumSet.allOf(Step.class) : parse(Step.class, only, "--only", Step::label);
        Collector up = Collector.ofUp(featureVersion);
        List<Collector> compared = collectors == null || collectors.isBlank()
                ? (quick ? List.of(up) : List.of(up, up == Collector.SERIAL ? Collector.ZGC : Collector.SERIAL))
                : List.copyOf(parse(Collector.class, collectors, "--collectors", Collector::label));
        return quick
                ? new BenchPlan(true, steps, 20_000, r, 5_000, 5_000, 10, 20, 500, 1_000, compared, store, writeDocs)
                : new BenchPlan(false, steps, 100_000, r, 20_000, 20_000, 30, 40, 2_000, 1_000, compared, store, writeDocs);
    }

    /** How the latency step's runs follow each other: round by round, every collector once per round. */
    List<Collector> latencyRuns() {
        List<Collector> runs = new ArrayList<>();
        int latencyRounds = quick ? 1 : rounds;
        for (int round = 0; round < latencyRounds; round++) {
            runs.addAll(collectors);
        }
        return runs;
    }

    private static <E extends Enum<E>> Set<E> parse(Class<E> type, String values, String option, Function<E, String> label) {
        Set<E> result = new java.util.LinkedHashSet<>();
        for (String value : values.split(",")) {
            E known = Arrays.stream(type.getEnumConstants()).filter(c -> label.apply(c).equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(option + ": unknown '" + value.strip() + "', expected one of "
                            + Arrays.stream(type.getEnumConstants()).map(label).toList()));
            result.add(known);
        }
        return result;
    }
}
