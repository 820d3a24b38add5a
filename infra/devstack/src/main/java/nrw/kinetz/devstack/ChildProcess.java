package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Spring Boot app of the devstack running as its own JVM, its output going to a log file. */
final class ChildProcess {

    private final DevstackLayout.Component component;
    private final Path log;
    private final Process process;

    private ChildProcess(DevstackLayout.Component component, Path log, Process process) {
        this.component = component;
        this.log = log;
        this.process = process;
    }

    /**
     * What every service's JVM gets unless a benchmark asks for other settings, on this JVM's Java (the devstack starts
     * the services with its own): the collector {@code ./kinetz up} chooses for it ({@link BenchPlan.Collector#ofUp}).
     */
    static final List<String> JAVA_OPTIONS = javaOptions(Runtime.version().feature());

    static List<String> javaOptions(int featureVersion) {
        return BenchPlan.Collector.ofUp(featureVersion).options(featureVersion);
    }

    /**
     * @param javaOptions the JVM's options; {@code {name}} in one stands for the component's name (a GC log's file)
     * @param environment added to this JVM's environment for the child, e.g. a secret it must not get as an argument
     */
    static ChildProcess start(DevstackLayout layout, DevstackLayout.Component component, List<String> javaOptions,
            List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        javaOptions.forEach(option -> command.add(option.replace("{name}", component.name())));
        command.add("-jar");
        command.add(layout.jarOf(component).toString());
        command.addAll(arguments);
        Path log = layout.logDir().resolve(component.name() + ".log");
        try {
            Files.createDirectories(layout.logDir());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.repository().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ChildProcess(component, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component.name(), e);
        }
    }

    DevstackLayout.Component component() {
        return component;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, to show why a process failed. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the process ends at once, without shutting down (a crash). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (Spring Boot shuts down gracefully), then kill after the grace period. */
    void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
