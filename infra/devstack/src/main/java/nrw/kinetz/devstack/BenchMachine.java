package nrw.kinetz.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine and JVM a benchmark ran on, and its load, as the tables name them ({@code /proc} on Linux, else less). */
final class BenchMachine {

    private BenchMachine() {
    }

    /** e.g. "AMD EPYC 7B13, 2 cores, 23 GB RAM". */
    static String describe() {
        String cpu = System.getProperty("os.arch");
        String memory = "RAM unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            memory = Long.parseLong(total) / 1024 / 1024 + " GB RAM";
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory;
    }

    /** e.g. "Java 25.0.1 (Eclipse Adoptium), every process". */
    static String jvm() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), every process";
    }

    /** The 1-minute load average and the CPU pressure (share of time some task waited for a core, last 10 s). */
    static String load() {
        try {
            String average = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            Path pressure = Path.of("/proc/pressure/cpu");
            if (Files.isReadable(pressure)) {
                List<String> lines = Files.readAllLines(pressure);
                return average + " / " + lines.get(0).replaceAll(".*avg10=([0-9.]+).*", "$1") + " %";
            }
            return average;
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
