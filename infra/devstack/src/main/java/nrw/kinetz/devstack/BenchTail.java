package nrw.kinetz.devstack;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slowest activities of the 1,000 events/s phase set beside what every process did meanwhile: where their time
 * went (before the feed entry — intake, Kafka, reporting's listener and relay rounds, store — or after it — the
 * hand-over to the live streams, the fan-out and the SSE write) and how much of it every process spent stopped at a
 * safepoint (collector pauses above all), read from the JVMs' {@code -Xlog:safepoint} logs.
 */
final class BenchTail {

    private static final Pattern SAFEPOINT = Pattern.compile(
            "^\\[([^\\]]+)\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One stop of a process: its end (wall-clock ms, when the log line was written) and length. */
    record Pause(String process, String operation, double endMs, double ms) {

        double startMs() {
            return endMs - ms;
        }
    }

    /** One slow activity: wall-clock ms of its 202, its feed entry and its SSE event's arrival. */
    record Sample(double acceptedMs, double feedMs, double arrivedMs) {

        double latencyMs() {
            return arrivedMs - acceptedMs;
        }
    }

    /**
     * @param samples        the slow activities looked at
     * @param latencyMs      their mean latency
     * @param beforeFeedMs   mean 202 → feed entry
     * @param afterFeedMs    mean feed entry → SSE arrival
     * @param pausedShare    mean share of a slow activity's time during which some process was stopped
     * @param processes      per process: pauses in the phase, their sum and longest (ms), slow activities they touched
     */
    record Analysis(int samples, double latencyMs, double beforeFeedMs, double afterFeedMs, double pausedShare,
            Map<String, double[]> processes) {
    }

    private BenchTail() {
    }

    /** Reads the safepoints of one process's {@code -Xlog:safepoint:file=…:time} log; other lines are skipped. */
    static List<Pause> pauses(String process, List<String> log) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : log) {
            Matcher m = SAFEPOINT.matcher(line);
            if (m.find()) {
                double end = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                pauses.add(new Pause(process, m.group(2), end, Long.parseLong(m.group(3)) / 1e6));
            }
        }
        return pauses;
    }

    /** Reads the benchmark's {@code tail-<rate>.tsv} (a header line, then 202, feed entry and arrival per line). */
    static List<Sample> samples(List<String> tsv) {
        List<Sample> samples = new ArrayList<>();
        for (String line : tsv.subList(Math.min(1, tsv.size()), tsv.size())) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                samples.add(new Sample(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
            }
        }
        return samples;
    }

    /**
     * @param tail        the slow activities
     * @param pauses      every process's pauses, any time
     * @param phaseStart  the phase's window (wall-clock ms), for the per-process sums
     */
    static Analysis analyse(List<Sample> tail, List<Pause> pauses, double phaseStart, double phaseEnd) {
        Map<String, double[]> processes = new LinkedHashMap<>();
        for (Pause pause : pauses) {
            double[] figures = processes.computeIfAbsent(pause.process(), k -> new double[4]);
            if (pause.endMs() >= phaseStart && pause.startMs() <= phaseEnd) {
                figures[0]++;
                figures[1] += pause.ms();
                figures[2] = Math.max(figures[2], pause.ms());
            }
        }
        double latency = 0;
        double before = 0;
        double after = 0;
        double paused = 0;
        for (Sample sample : tail) {
            latency += sample.latencyMs();
            before += sample.feedMs() - sample.acceptedMs();
            after += sample.arrivedMs() - sample.feedMs();
            List<double[]> stopped = new ArrayList<>();
            java.util.Set<String> touched = new java.util.HashSet<>();
            for (Pause pause : pauses) {
                double from = Math.max(pause.startMs(), sample.acceptedMs());
                double to = Math.min(pause.endMs(), sample.arrivedMs());
                if (to > from) {
                    stopped.add(new double[] {from, to});
                    touched.add(pause.process());
                }
            }
            touched.forEach(process -> processes.get(process)[3]++);
            paused += sample.latencyMs() > 0 ? covered(stopped) / sample.latencyMs() : 0;
        }
        int n = tail.size();
        return new Analysis(n, n == 0 ? 0 : latency / n, n == 0 ? 0 : before / n, n == 0 ? 0 : after / n,
                n == 0 ? 0 : paused / n, processes);
    }

    /** The length of the union of the intervals: two processes stopped at once count once. */
    private static double covered(List<double[]> intervals) {
        intervals.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = 0;
        double end = Double.NEGATIVE_INFINITY;
        for (double[] interval : intervals) {
            if (interval[1] <= end) {
                continue;
            }
            total += interval[1] - Math.max(interval[0], end);
            end = interval[1];
        }
        return total;
    }
}
