package nrw.kinetz.infra.embedded;

import java.nio.file.Path;
import java.util.Map;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server ({@code de.bwaldvogel:mongo-java-server}) in this JVM, listening on
 * {@code 127.0.0.1}.
 *
 * <p>It reports itself as MongoDB 5.0 and has no multi-document transactions; see docs/architecture.md#infrastructure. The
 * {@linkplain #persistent persistent} variant keeps its data in an H2 MVStore file ({@value #H2_FILE}) and
 * survives {@link #stop()} / {@link #start()}; the {@linkplain #inMemory in-memory} variant loses its data
 * on {@link #stop()}.
 *
 * <p>A killed process loses at most the writes of the last
 * {@linkplain CrashSafeH2Backend#COMMIT_INTERVAL commit interval} and of the commit still being written, never part
 * of a write, and the file it leaves is consistent (index and data agree); {@link CrashSafeH2Backend} says why and
 * how.
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String H2_FILE = "mongo.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 10;

    private final int port;
    private final Path dir;
    /** Whether {@link #close()} deletes {@link #dir}: a temporary directory of this instance's own. */
    private final boolean ownsDir;
    private MongoServer server;
    private CountingBackend backend;

    private EmbeddedMongo(int port, Path dir, boolean ownsDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free port) or 1..65535, was " + port);
        }
        this.port = port == 0 ? FreePorts.find() : port;
        this.dir = dir;
        this.ownsDir = ownsDir;
    }

    /**
     * A server whose data lives in memory only and is dropped by {@link #stop()}.
     *
     * @param port the port; 0 picks a free one now, kept for this instance
     */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(port, null, false);
    }

    /**
     * A server that stores its data in {@code dir/}{@value #H2_FILE} (H2 backend); the data survives
     * {@link #stop()} / {@link #start()} and a new instance on the same directory.
     *
     * @param dir  the data directory, created if missing
     * @param port the port; 0 picks a free one now, kept for this instance
     */
    public static EmbeddedMongo persistent(Path dir, int port) {
        if (dir == null) {
            throw new IllegalArgumentException("dir is required for a persistent store; use inMemory(port)");
        }
        return new EmbeddedMongo(port, Directories.ensureExists(dir), false);
    }

    /**
     * A server on the H2 backend, as {@link #persistent}, whose data lives in a temporary directory of its own that
     * {@link #close()} deletes: the devstack's store for a test or benchmark run.
     *
     * @param port the port; 0 picks a free one now, kept for this instance
     */
    public static EmbeddedMongo temporaryH2(int port) {
        return new EmbeddedMongo(port, Directories.createTemp("kinetz-store-"), true);
    }

    /** Starts listening; does nothing if already running. */
    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        for (int attempt = 1; ; attempt++) {
            CountingBackend counting = new CountingBackend(newBackend());
            MongoServer candidate = new MongoServer(counting);
            try {
                candidate.bind(HOST, port);
                server = candidate;
                backend = counting;
                log.info("MongoDB wire server ready on {} ({})", connectionString(),
                        dir == null ? "in memory" : dir.resolve(H2_FILE));
                return this;
            } catch (RuntimeException e) {
                try {
                    candidate.shutdownNow(); // closes the backend, releasing the H2 file lock
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                if (attempt < BIND_ATTEMPTS && Directories.isBindFailure(e)) {
                    log.debug("Port {} still in use, retrying ({}/{})", port, attempt, BIND_ATTEMPTS);
                    Directories.sleep(300);
                    continue;
                }
                throw new IllegalStateException("MongoDB wire server on " + connectionString()
                        + " failed to start: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Closes all connections and the backend; an H2 store is written to its file, in-memory data is lost.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        MongoServer running = server;
        server = null;
        running.shutdownNow();
        log.info("MongoDB wire server on {} stopped", connectionString());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** @return {@code mongodb://127.0.0.1:<port>}, valid before and after start */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    /**
     * The writes this server took since it started, per {@code database.collection}: {documents named by write
     * commands — inserted documents, update and delete statements, findAndModify —, write commands}. For the
     * benchmark's store writes per activity; empty before the first start.
     */
    public synchronized Map<String, long[]> writes() {
        return backend == null ? Map.of() : backend.writes();
    }

    public int port() {
        return port;
    }

    /** The data directory; {@code null} in memory. */
    Path directory() {
        return dir;
    }

    @Override
    public void close() {
        stop();
        if (ownsDir) {
            Directories.deleteQuietly(dir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + (dir == null ? "in memory" : dir) + "]";
    }

    private MongoBackend newBackend() {
        return dir == null ? new MemoryBackend() : CrashSafeH2Backend.open(dir.resolve(H2_FILE).toString());
    }
}
