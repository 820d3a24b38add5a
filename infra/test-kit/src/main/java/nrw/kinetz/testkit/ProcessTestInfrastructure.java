package nrw.kinetz.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The test kit's embedded broker and store ({@link EmbeddedTestInfrastructure}'s, the same store by
 * {@value EmbeddedTestInfrastructure#STORE}) in a JVM of their own ({@link InfrastructureProcess}), started on first use
 * with this JVM's Java and class path, and ended with this JVM.
 *
 * <p>For the replay benchmarks ({@code ./kinetz bench} sets {@value TestInfrastructure#SWITCH}{@code =process}): in the
 * test's JVM the store's data is heap the replay's collector must trace and move, so its pauses grew with what the
 * store held rather than with the replay's work. In a process of its own — as on the devstack, and as MongoDB is in
 * production — the benchmark's JVM holds the service alone. {@value #OPTIONS} gives that process its JVM options
 * (space-separated), e.g. its heap.
 */
final class ProcessTestInfrastructure implements TestInfrastructure, AutoCloseable {

    /** System property: the infrastructure process's JVM options, space-separated. */
    static final String OPTIONS = "kinetz.test.process.options";

    private static volatile ProcessTestInfrastructure instance;

    private final Process process;
    private final String store;
    private final String kafka;
    private final String mongo;

    private ProcessTestInfrastructure(List<String> command, String store) {
        this.store = store;
        try {
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the infrastructure process: " + command, e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = readyLine(out);
        if (ready == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the infrastructure process ended before it was ready (exit "
                    + exitValue() + "): " + String.join(" ", command));
        }
        String[] parts = ready.substring(InfrastructureProcess.READY.length()).split(" ");
        this.kafka = parts[0].substring("kafka=".length());
        this.mongo = parts[1].substring("mongo=".length());
        Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "infrastructure-process-output");
        drain.setDaemon(true);
        drain.start();
    }

    static ProcessTestInfrastructure instance() {
        ProcessTestInfrastructure local = instance;
        if (local == null) {
            synchronized (ProcessTestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    String store = System.getProperty(EmbeddedTestInfrastructure.STORE, "memory").toLowerCase(Locale.ROOT);
                    EmbeddedTestInfrastructure.store(store).close(); // an unknown store fails here, with its message
                    instance = local = start(store, System.getProperty(OPTIONS, ""));
                    ProcessTestInfrastructure started = local;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "infrastructure-process-stop"));
                }
            }
        }
        return local;
    }

    /** A new infrastructure process with the given store and JVM options; {@link #close()} ends it. */
    static ProcessTestInfrastructure start(String store, String options) {
        return new ProcessTestInfrastructure(command(Path.of(System.getProperty("java.home"), "bin", "java"), options,
                classPath(), store), store);
    }

    /** The infrastructure process's command line: this JVM's Java, the options, the class path, the store. */
    static List<String> command(Path java, String options, String classPath, String store) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        Arrays.stream(options.strip().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", classPath, InfrastructureProcess.class.getName(), "--store", store));
        return command;
    }

    /** Surefire runs tests with a manifest-only jar as the class path and names the real one in its own property. */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String readyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(InfrastructureProcess.READY)) {
                    return line;
                }
                System.out.println(line);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the infrastructure process's output", e);
        }
    }

    private String exitValue() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process: its standard input closes, it stops broker and store; forcibly after half a minute. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public String mongoConnectionString() {
        return mongo;
    }

    @Override
    public String description() {
        return "process: Kafka broker (KRaft) at " + kafka + ", MongoDB wire server (" + store + ") at " + mongo
                + ", in a JVM of their own (pid " + process.pid() + ")";
    }
}
