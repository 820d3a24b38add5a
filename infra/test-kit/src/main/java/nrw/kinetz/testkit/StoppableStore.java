package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;

import nrw.kinetz.infra.embedded.EmbeddedMongo;

/**
 * A MongoDB wire server of one test class's own, which the test may stop and start to simulate an outage of the
 * store; its data is kept in a file, so it survives the outage. The shared store of the test kit stays up for the
 * other tests. Use from a static field and point the service at it:
 *
 * <pre>
 * static final StoppableStore STORE = StoppableStore.started("reporting");
 *
 * &#64;DynamicPropertySource
 * static void ownStore(DynamicPropertyRegistry registry) { STORE.register(registry); }
 * </pre>
 * together with {@code @DirtiesContext}, so that no other test class reuses a context bound to it.
 */
public final class StoppableStore implements AutoCloseable {

    private final EmbeddedMongo mongo;

    private StoppableStore(EmbeddedMongo mongo) {
        this.mongo = mongo;
    }

    /** A running store on a free port whose data lives in a new temporary directory. */
    public static StoppableStore started(String name) {
        try {
            return new StoppableStore(EmbeddedMongo.persistent(Files.createTempDirectory(name + "-store"), 0).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points {@code spring.mongodb.uri} at this store. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", mongo::connectionString);
    }

    public String connectionString() {
        return mongo.connectionString();
    }

    /** The outage begins: open connections are closed, new ones refused. */
    public void stop() {
        mongo.stop();
    }

    /** The outage ends, with the data written before it. */
    public void start() {
        mongo.start();
    }

    @Override
    public void close() {
        mongo.close();
    }
}
