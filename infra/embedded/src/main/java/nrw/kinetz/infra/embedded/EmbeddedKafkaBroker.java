package nrw.kinetz.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} server, KRaft mode) running in this JVM as a single
 * combined broker + controller node.
 *
 * <p>Tuned for one machine: every internal topic has replication factor 1, new topics get 3 partitions
 * and are created on first use, consumer groups rebalance without the initial delay, and the broker uses
 * few threads and small buffers. Both listeners bind to {@code 127.0.0.1} only.
 *
 * <p>The log directory is formatted on the first {@link #start()} only, so its cluster id and all data
 * survive {@link #stop()} / {@link #start()} and even a new instance created on the same directory. The
 * controller port is stored in the log directory ({@value #STATE_FILE}) because the KRaft voter set
 * written at format time names it; the broker port is kept for the life of the instance and, when
 * {@code port} is 0, re-used from that file if it is still free.
 *
 * <p>Not for services' runtime classpath: the server jars bring Scala, log4j-api and more.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    static final String STATE_FILE = "embedded-kafka.properties";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PORT_WAIT = Duration.ofSeconds(10);
    private static final int BIND_ATTEMPTS = 10;

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean ownsLogDir;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(int port, int controllerPort, Path logDir, boolean ownsLogDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
    }

    /**
     * Prepares a broker; nothing listens before {@link #start()}.
     *
     * @param port   the client (PLAINTEXT) port; 0 picks a free one now, kept for this instance
     * @param logDir the Kafka log directory, created if missing; {@code null} uses a temporary directory
     *               that {@link #close()} deletes
     */
    public static EmbeddedKafkaBroker create(int port, Path logDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free port) or 1..65535, was " + port);
        }
        boolean owns = logDir == null;
        Path dir = owns ? Directories.createTemp("kinetz-kafka-") : Directories.ensureExists(logDir);
        Properties state = readState(dir);
        int controllerPort = intOrZero(state, "controller.port");
        if (controllerPort == 0) {
            controllerPort = FreePorts.find();
        }
        int brokerPort = port;
        if (brokerPort == 0) {
            int previous = intOrZero(state, "broker.port");
            brokerPort = previous != 0 && previous != controllerPort && FreePorts.isFree(previous)
                    ? previous : FreePorts.find();
        }
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("port " + port + " is the controller port stored in " + dir);
        }
        state.setProperty("controller.port", Integer.toString(controllerPort));
        state.setProperty("broker.port", Integer.toString(brokerPort));
        writeState(dir, state);
        return new EmbeddedKafkaBroker(brokerPort, controllerPort, dir, owns);
    }

    /**
     * Formats the log directory if it has never been formatted, starts the broker and returns once it
     * answers {@code describeCluster} on {@link #bootstrapServers()}. Does nothing if already running.
     *
     * @throws IllegalStateException if the broker cannot start or does not become ready within 60 s
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("broker was closed");
        }
        if (server != null) {
            return this;
        }
        long begin = System.nanoTime();
        Properties config = serverProperties();
        formatIfNeeded(config);
        server = startServer(config);
        try {
            awaitReady();
        } catch (RuntimeException e) {
            shutdownServer();
            throw e;
        }
        log.info("Kafka broker ready on {} (log dir {}) after {} ms", bootstrapServers(), logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    /**
     * Shuts the broker down cleanly and waits (at most 30 s) until it has stopped. The data stays in
     * {@link #logDir()}; {@link #start()} starts again on the same ports and data.
     */
    public synchronized void stop() {
        if (server != null) {
            shutdownServer();
            log.info("Kafka broker on {} stopped", bootstrapServers());
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** @return {@code 127.0.0.1:<port>}, valid before and after start */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and deletes the log directory if it is a temporary one created by {@link #create}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (ownsLogDir) {
            Directories.deleteQuietly(logDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + logDir + (isRunning() ? ", running]" : "]");
    }

    private Properties serverProperties() {
        String controller = HOST + ":" + controllerPort;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.bootstrap.servers", controller);
        p.setProperty("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // one node: every replication factor and ISR is 1
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        // developer defaults
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        // small footprint on a 2-core machine
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("num.replica.fetchers", "1");
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.setProperty("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        return p;
    }

    private void formatIfNeeded(Properties config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = null;
        try {
            configFile = Files.createTempFile("kinetz-kafka-format-", ".properties");
            try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                config.store(out, "embedded Kafka broker, used to format " + logDir);
            }
            String clusterId = Uuid.randomUuid().toString();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exitCode;
            try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(
                        new String[] {"format", "-t", clusterId, "-c", configFile.toString(), "--standalone"},
                        printStream);
            }
            String text = output.toString(StandardCharsets.UTF_8).trim();
            if (exitCode != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed (" + exitCode + "): " + text);
            }
            log.debug("Formatted Kafka log dir {} with cluster id {}: {}", logDir, clusterId, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the format configuration for " + logDir, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("formatting " + logDir + " failed: " + e.getMessage(), e);
        } finally {
            if (configFile != null) {
                Directories.deleteQuietly(configFile);
            }
        }
    }

    private KafkaRaftServer startServer(Properties config) {
        awaitPortsFree();
        for (int attempt = 1; ; attempt++) {
            KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            try {
                candidate.startup();
                return candidate;
            } catch (Throwable e) {
                shutdown(candidate);
                if (attempt < BIND_ATTEMPTS && Directories.isBindFailure(e)) {
                    log.debug("Port {} or {} still in use, retrying ({}/{})", port, controllerPort, attempt,
                            BIND_ATTEMPTS);
                    Directories.sleep(500);
                    continue;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " failed to start: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Waits (at most 10 s) until both ports can be bound, so that a restart right after a stop does not go
     * through Kafka's noisy failed startup; a bind that still fails is retried by {@link #startServer}.
     */
    private void awaitPortsFree() {
        long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        while (!(FreePorts.isFree(port) && FreePorts.isFree(controllerPort)) && System.nanoTime() < deadline) {
            Directories.sleep(100);
        }
    }

    private void awaitReady() {
        Properties adminConfig = new Properties();
        adminConfig.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        adminConfig.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminConfig.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        adminConfig.setProperty(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(6, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
                Directories.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready within "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private void shutdownServer() {
        KafkaRaftServer running = server;
        server = null;
        shutdown(running);
    }

    /** Shuts {@code target} down and waits for it, giving up (with a warning) after 30 s. */
    private void shutdown(KafkaRaftServer target) {
        Thread thread = new Thread(() -> {
            try {
                target.shutdown();
                target.awaitShutdown();
            } catch (Throwable e) {
                log.warn("Error while shutting down the Kafka broker on {}", bootstrapServers(), e);
            }
        }, "embedded-kafka-shutdown-" + port);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Kafka broker on {} did not shut down within {} s; continuing", bootstrapServers(),
                    SHUTDOWN_TIMEOUT.toSeconds());
        }
    }

    private static Properties readState(Path dir) {
        Properties state = new Properties();
        Path file = dir.resolve(STATE_FILE);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return state;
    }

    private static void writeState(Path dir, Properties state) {
        Path file = dir.resolve(STATE_FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            state.store(out, "ports of the embedded Kafka broker; the controller port is part of the KRaft voter set");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int intOrZero(Properties state, String key) {
        String value = state.getProperty(key);
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
