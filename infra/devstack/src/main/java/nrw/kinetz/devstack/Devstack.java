package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;

/**
 * The running platform: the broker, the store (H2 file backend, so data survives a restart) and the catalog's
 * SMTP server in this JVM, the authorization server and every built service as child processes.
 */
final class Devstack implements AutoCloseable {

    private final DevstackLayout layout;
    private final Consumer<String> log;
    private final List<ChildProcess> children = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedMongo mongo;
    private DevstackMailServer mails;

    /** Where MongoDB keeps its data: the H2 file (the default; survives a restart) or memory (for benchmarks). */
    enum Store {
        H2, MEMORY
    }

    private final Store store;
    private List<String> javaOptions = ChildProcess.JAVA_OPTIONS;
    private Map<String, String> environment = Map.of();

    Devstack(DevstackLayout layout, Consumer<String> log) {
        this(layout, log, Store.H2);
    }

    Devstack(DevstackLayout layout, Consumer<String> log, Store store) {
        this.layout = layout;
        this.log = log;
        this.store = store;
    }

    /**
     * Other JVM options and additional environment for every child process than {@code ./kinetz up} gives them: for
     * the benchmark only, which compares collectors and raises the intake's rate limit.
     */
    Devstack withChildren(List<String> javaOptions, Map<String, String> environment) {
        this.javaOptions = List.copyOf(javaOptions);
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The store's writes since it started (see {@link EmbeddedMongo#writes()}); empty before {@link #start}. */
    Map<String, long[]> storeWrites() {
        return mongo == null ? Map.of() : mongo.writes();
    }

    /** The components this stack runs: the authorization server and the services that are built. */
    List<DevstackLayout.Component> components() {
        List<DevstackLayout.Component> components = new ArrayList<>();
        components.add(DevstackLayout.AUTH_SERVER);
        DevstackLayout.SERVICES.stream().filter(layout::isBuilt).forEach(components::add);
        return components;
    }

    /**
     * Starts everything and returns once every process answers UP on its health endpoint.
     *
     * @throws DevstackException with the reason (and a log excerpt) if something cannot start
     */
    void start(Duration timeout) throws InterruptedException {
        if (!layout.isBuilt(DevstackLayout.AUTH_SERVER)) {
            throw new DevstackException("not built: " + DevstackLayout.AUTH_SERVER.jar() + " — run ./mvnw -DskipTests install");
        }
        List<DevstackLayout.Component> components = components();
        List<Integer> ports = new ArrayList<>(List.of(layout.kafkaPort(), layout.mongoPort(), layout.smtpPort()));
        components.forEach(c -> ports.add(layout.portOf(c)));
        for (int port : ports) {
            if (!isFree(port)) {
                throw new DevstackException("port " + port + " on 127.0.0.1 is in use — is another devstack running?");
            }
        }
        log.accept("data in " + layout.dataDir() + ", logs in " + layout.logDir());
        mongo = (store == Store.MEMORY
                ? EmbeddedMongo.inMemory(layout.mongoPort())
                : EmbeddedMongo.persistent(layout.mongoDir(), layout.mongoPort())).start();
        kafka = EmbeddedKafkaBroker.create(layout.kafkaPort(), layout.kafkaDir()).start();
        mails = DevstackMailServer.start(layout.smtpPort(), layout.mailDir());
        log.accept("Kafka on " + kafka.bootstrapServers() + ", MongoDB on " + mongo.connectionString()
                + ", SMTP on 127.0.0.1:" + layout.smtpPort() + " (./kinetz mails)");
        Deadline deadline = new Deadline(timeout);
        // The authorization server first: it generates the secrets at its first start, the dashboard's among them.
        List<ChildProcess> services = new ArrayList<>();
        for (DevstackLayout.Component component : components) {
            ChildProcess child = ChildProcess.start(layout, component, javaOptions, argumentsFor(component),
                    environmentFor(component));
            children.add(child);
            if (component == DevstackLayout.AUTH_SERVER) {
                awaitHealthy(List.of(child), deadline);
            } else {
                services.add(child);
            }
        }
        awaitHealthy(services, deadline);
    }

    DevstackLayout layout() {
        return layout;
    }

    /** Names of child processes that have died since they started. */
    List<String> deadChildren() {
        return children.stream().filter(c -> !c.isAlive()).map(c -> c.component().name()).toList();
    }

    /** Services first (they flush to Kafka and MongoDB while shutting down), the infrastructure last. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.accept("stopping");
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess child : children) {
            Thread t = new Thread(() -> child.stop(20), "stop-" + child.component().name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mails != null) {
            mails.close();
        }
        log.accept("stopped");
    }

    boolean isStopped() {
        return stopped.get();
    }

    private List<String> argumentsFor(DevstackLayout.Component component) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=127.0.0.1");
        args.add("--server.port=" + layout.portOf(component));
        if (component == DevstackLayout.AUTH_SERVER) {
            args.add("--kinetz.auth.data-dir=" + layout.authDir());
            args.add("--kinetz.auth.issuer=" + layout.issuer());
            args.add("--kinetz.auth.dashboard-url=" + layout.dashboardUrl());
        } else {
            args.add("--spring.kafka.bootstrap-servers=127.0.0.1:" + layout.kafkaPort());
            args.add("--spring.mongodb.uri=mongodb://127.0.0.1:" + layout.mongoPort());
            args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + layout.issuer());
        }
        if (component == DevstackLayout.EVENT_CATALOG) {
            args.add("--spring.mail.port=" + layout.smtpPort());
            args.add("--kinetz.catalog.public-url=http://localhost:" + layout.portOf(component));
            args.add("--kinetz.catalog.seed.enabled=true");
        }
        return args;
    }

    /**
     * The reporting service signs people in to the dashboard as the OAuth2 client {@code dashboard}. Its secret
     * goes into the environment rather than onto the command line, where every user of the machine could read it.
     */
    private Map<String, String> environmentFor(DevstackLayout.Component component) {
        Map<String, String> result = new java.util.HashMap<>(environment);
        if (component == DevstackLayout.REPORTING) {
            result.put("KINETZ_SECRET_DASHBOARD", DevstackSecrets.of(layout).clientSecret("dashboard"));
        }
        if (component == DevstackLayout.EVENT_CATALOG) {
            result.put("KINETZ_CATALOG_LINK_SECRET", catalogLinkSecret());
        }
        return result;
    }

    /**
     * The key that signs the links in the catalog's mails, generated once into the data folder (readable only by
     * the owner), so links sent before a restart keep working.
     */
    private String catalogLinkSecret() {
        Path file = layout.authDir().resolve("catalog-link-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, HexFormat.of().formatHex(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own protection applies
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One time limit for the whole start, however it is split between the steps. */
    private record Deadline(Duration limit, long nanos) {
        Deadline(Duration limit) {
            this(limit, System.nanoTime() + limit.toNanos());
        }

        boolean isPast() {
            return System.nanoTime() > nanos;
        }
    }

    private void awaitHealthy(List<ChildProcess> processes, Deadline deadline) throws InterruptedException {
        HealthProbe probe = new HealthProbe();
        List<ChildProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            for (ChildProcess child : List.copyOf(waiting)) {
                if (!child.isAlive()) {
                    throw new DevstackException(child.component().name() + " stopped while starting; the end of "
                            + child.log() + ":" + System.lineSeparator() + child.logTail(40));
                }
                if (probe.isUp(layout.portOf(child.component()))) {
                    log.accept(child.component().name() + " is up on port " + layout.portOf(child.component()));
                    waiting.remove(child);
                }
            }
            if (!waiting.isEmpty() && deadline.isPast()) {
                throw new DevstackException("not healthy after " + deadline.limit() + ": "
                        + waiting.stream().map(c -> c.component().name() + " (see " + c.log() + ")").toList());
            }
            Thread.sleep(500);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The devstack could not start; the message says why. */
    static final class DevstackException extends RuntimeException {
        DevstackException(String message) {
            super(message);
        }
    }
}
