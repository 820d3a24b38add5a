package nrw.kinetz.programs.indicator;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The benchmark JVM's CPU time, by kind of thread, and its collector's pauses, taken around one side of a round: CPU
 * per record holds on a loaded machine, where wall-clock rates follow the other processes (docs/benchmarks.md,
 * "Program tracking"). What no Java thread used is the collector's and the JIT's.
 */
final class CpuUse {

    private static final String[] KINDS = {"listener", "store", "relay", "kafka", "other"};
    /** The JVM's own threads, by their names in {@code /proc/self/task/<id>/comm} (Linux only; empty elsewhere). */
    private static final String[] NATIVE = {"collector", "compiler", "vm"};

    private final long process;
    private final long pauses;
    private final Map<String, Long> threads;

    private CpuUse(long process, long pauses, Map<String, Long> threads) {
        this.process = process;
        this.pauses = pauses;
        this.threads = threads;
    }

    /** Now; the calling thread counts as the listener's. */
    static CpuUse now() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long pauses = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            pauses += Math.max(0, collector.getCollectionTime());
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> threads = new LinkedHashMap<>();
        long self = Thread.currentThread().getId();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = bean.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                threads.merge(kind(info, self), cpu, Long::sum);
            }
        }
        nativeThreads(threads);
        return new CpuUse(process, pauses, threads);
    }

    /** Adds the CPU time of the collector's, the compiler's and the VM's threads, from {@code /proc} (10 ms ticks). */
    private static void nativeThreads(Map<String, Long> threads) {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return;
        }
        for (java.io.File task : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
                String kind = name.startsWith("GC Thread") || name.startsWith("G1 ") ? "collector"
                        : name.contains("CompilerThre") ? "compiler" : name.equals("VM Thread") ? "vm" : null;
                if (kind == null) {
                    continue;
                }
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                threads.merge(kind, ticks * 10_000_000L, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
    }

    private static String kind(ThreadInfo info, long self) {
        String name = info.getThreadName();
        if (info.getThreadId() == self) {
            return "listener";
        }
        if (name.startsWith("mongo-server")) {
            return "store";
        }
        if (name.startsWith("program-event-relay")) {
            return "relay";
        }
        return name.contains("kafka") ? "kafka" : "other";
    }

    /** µs per record since {@code before}, by kind of thread, then outside Java, the process and the collector's pauses. */
    String since(CpuUse before, int records) {
        StringJoiner text = new StringJoiner(", ");
        long java = 0;
        for (String kind : KINDS) {
            long used = threads.getOrDefault(kind, 0L) - before.threads.getOrDefault(kind, 0L);
            java += used;
            text.add(String.format(Locale.ROOT, "%s %.1f", kind, used / 1e3 / records));
        }
        long used = process - before.process;
        for (String kind : NATIVE) {
            long spent = threads.getOrDefault(kind, 0L) - before.threads.getOrDefault(kind, 0L);
            java += spent;
            text.add(String.format(Locale.ROOT, "%s %.1f", kind, spent / 1e3 / records));
        }
        text.add(String.format(Locale.ROOT, "rest %.1f", (used - java) / 1e3 / records));
        text.add(String.format(Locale.ROOT, "process %.1f", used / 1e3 / records));
        text.add(String.format(Locale.ROOT, "pauses %.1f", (pauses - before.pauses) * 1e3 / records));
        return text.toString();
    }
}
