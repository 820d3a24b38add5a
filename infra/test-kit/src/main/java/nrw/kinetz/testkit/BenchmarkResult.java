package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A benchmark's figures for {@code ./kinetz bench}, which names a file in the system property
 * {@value #PROPERTY} and reads it back as {@code name=value} lines: the benchmarks stay runnable alone (without the
 * property nothing is written) and the command needs no parsing of their tables.
 */
public final class BenchmarkResult {

    public static final String PROPERTY = "benchmark.result";

    private final Map<String, String> figures = new TreeMap<>();

    public BenchmarkResult put(String name, double value) {
        figures.put(name, String.format(Locale.ROOT, "%.4f", value));
        return this;
    }

    public BenchmarkResult put(String name, long value) {
        figures.put(name, Long.toString(value));
        return this;
    }

    /** Writes the figures to the file {@value #PROPERTY} names, if it names one. */
    public void write() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's result to " + file, e);
        }
    }

    /**
     * How long this JVM's collectors have stopped it so far, in seconds (every collector's accumulated collection
     * time): the difference over a step is the part of its wall time that the collector took, not the step's code.
     */
    public static double collectorSeconds() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(bean -> Math.max(0, bean.getCollectionTime())).sum() / 1000.0;
    }

    /** The heap in use after a collection, in MB: what the benchmark's data keeps alive. */
    public static long heapAfterCollectionMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
