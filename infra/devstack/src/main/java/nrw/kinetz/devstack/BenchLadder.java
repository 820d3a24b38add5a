package nrw.kinetz.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The H2 store's sustainable rate: one devstack on the H2 file store, the latency benchmark's phases at a ladder of
 * rates, and the highest rate of the ladder the stack carried, with every lower rate carried too — every activity of
 * the phase sent, answered 202 and delivered on the stream, with 202 → SSE p99 within {@link #LIMIT_MS}. Pure, so that the reading of the benchmark's
 * figures is tested without running it.
 *
 * @param rungs the ladder's rates in the order they ran, each with its figures
 */
record BenchLadder(List<Rung> rungs) {

    /** The latency goal a rate must meet to count as carried. */
    static final double LIMIT_MS = 100;

    /**
     * The ladder of {@code ./kinetz bench}: from the 100/s the H2 store carried when the goal was set, in steps of 100 up to
     * four times that, then wider up to 800/s, so that a store which carries the top of the old ladder is not capped there.
     */
    static final String DEFAULT_RATES = "100,200,300,400,600,800";

    /**
     * One rate of the ladder; a figure the benchmark did not give is NaN.
     *
     * @param rate         events/s of the phase
     * @param expected     activities the phase was to send: rate × seconds, in whole requests
     * @param accepted     activities answered 202
     * @param notDelivered activities answered 202 that no event on the stream carried
     */
    record Rung(int rate, long expected, long accepted, long notDelivered, double p50Ms, double p99Ms, double p999Ms,
            double toFeedP99Ms, double kafkaP99Ms, double kafkaP999Ms, String load, String cpuPressure) {

        /** Every activity of the phase sent, accepted and delivered, the slowest 1 % within the limit. */
        boolean carried() {
            return accepted == expected && notDelivered == 0 && p99Ms <= LIMIT_MS;
        }
    }

    /**
     * Reads the latency benchmark's result of a ladder run.
     *
     * @param result  the benchmark's {@code result=} properties
     * @param rates   the rates it ran
     * @param seconds seconds per rate
     * @param batch   activities per request (a phase sends whole requests)
     */
    static BenchLadder of(Map<String, String> result, List<Integer> rates, int seconds, int batch) {
        List<Rung> rungs = new ArrayList<>();
        for (int rate : rates) {
            String phase = "phase." + rate + ".";
            rungs.add(new Rung(rate, (long) rate * seconds / batch * batch, (long) number(result, phase + "accepted"),
                    (long) number(result, phase + "notDelivered"), number(result, phase + "p50Ms"), number(result, phase + "p99Ms"),
                    number(result, phase + "p999Ms"), number(result, phase + "toFeedP99Ms"), number(result, "kafka.p99Ms." + rate),
                    number(result, "kafka.p999Ms." + rate), result.getOrDefault(phase + "loadavg", "?"),
                    result.getOrDefault(phase + "cpuPressureAvg10", "?")));
        }
        return new BenchLadder(List.copyOf(rungs));
    }

    /**
     * The ladder's rates from the command line.
     *
     * @throws IllegalArgumentException unless a comma-separated list of rates from 1 to 10,000 events/s, each once
     */
    static List<Integer> rates(String option, String value) {
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            int rate;
            try {
                rate = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + part.strip() + "' is not a rate in events/s");
            }
            if (rate < 1 || rate > 10_000 || rates.contains(rate)) {
                throw new IllegalArgumentException(option + ": rates are 1 to 10000 events/s, each once; was " + value);
            }
            rates.add(rate);
        }
        return List.copyOf(rates);
    }

    /**
     * The highest rate of the ladder the stack carried with every lower rate carried too, or null where it did not carry
     * the lowest: a rate carried above one that was not says how the machine's load fell in that phase, not what the
     * store sustains.
     */
    Integer sustainableRate() {
        Integer sustained = null;
        for (Rung rung : rungs.stream().sorted(java.util.Comparator.comparingInt(Rung::rate)).toList()) {
            if (!rung.carried()) {
                break;
            }
            sustained = rung.rate();
        }
        return sustained;
    }

    /** Per rate (as text, in the ladder's order) one figure of its phase. */
    Map<String, Object> byRate(java.util.function.ToDoubleFunction<Rung> figure) {
        Map<String, Object> result = new LinkedHashMap<>();
        rungs.forEach(rung -> result.put(String.valueOf(rung.rate()), figure.applyAsDouble(rung)));
        return result;
    }

    /** The row of the generated goals table: the rate carried, none of the ladder, or not measured where the step did not run. */
    static String goalRow(BenchLadder measured) {
        String value = "not measured";
        if (measured != null) {
            Integer rate = measured.sustainableRate();
            String ladder = measured.rungs.stream().map(r -> String.valueOf(r.rate())).collect(Collectors.joining(", ")) + "/s";
            int top = measured.rungs.stream().mapToInt(Rung::rate).max().orElse(0);
            value = rate == null ? "**none** of " + ladder
                    : "**" + rate + "/s** (of " + ladder + (rate == top ? "; the ladder's top, it may carry more" : "") + ")";
        }
        return "| H2 store: highest rate with p99 ≤ 100 ms | " + value + " | ≥ 200/s (twice the 100/s when the goal was set) |\n";
    }

    /** The ladder as a Markdown table, one row per rate. */
    String table() {
        StringBuilder text = new StringBuilder("| rate (events/s) | activities sent / 202 / not delivered | p50 / p99 / p99.9 (ms) | "
                + "202 → feed entry p99 (ms) | Kafka EndToEndLatency p99 / p99.9, same phase (ms) | carried | load avg. | "
                + "CPU pressure avg10 (%) |\n|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Rung r : rungs) {
            text.append(String.format(Locale.ROOT, "| %d | %d / %d / %d | %s / **%s** / %s | %s | %s / %s | %s | %s | %s |%n", r.rate(),
                    r.expected(), r.accepted(), r.notDelivered(), ms(r.p50Ms()), ms(r.p99Ms()), ms(r.p999Ms()), ms(r.toFeedP99Ms()),
                    ms(r.kafkaP99Ms()), ms(r.kafkaP999Ms()), r.carried() ? "yes" : "no", r.load(), r.cpuPressure()));
        }
        return text.toString();
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double number(Map<String, String> figures, String name) {
        return BenchCommand.numberOrNaN(figures, name);
    }
}
