package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;

/**
 * The real Kafka broker (KRaft) and the MongoDB wire server, once per test JVM. The store keeps its data in memory;
 * with the system property {@value #STORE}{@code =h2} it keeps it in an H2 file in a temporary directory, as the
 * devstack does (the benchmarks' {@code --store H2}).
 */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

    /** System property choosing the store's backend: {@code memory} (the default) or {@code h2}. */
    static final String STORE = "kinetz.test.store";

    private static volatile EmbeddedTestInfrastructure instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedTestInfrastructure() {
        this.kafka = EmbeddedKafkaBroker.create(0, null).start();
        Path storeDirectory = storeDirectory(System.getProperty(STORE, "memory"));
        this.mongo = (storeDirectory == null ? EmbeddedMongo.inMemory(0) : EmbeddedMongo.persistent(storeDirectory, 0)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
            if (storeDirectory != null) {
                delete(storeDirectory);
            }
        }, "test-infrastructure-stop"));
    }

    /** @return the H2 store's directory, or {@code null} for the in-memory store */
    static Path storeDirectory(String store) {
        switch (store.toLowerCase(Locale.ROOT)) {
            case "memory":
                return null;
            case "h2":
                try {
                    return Files.createTempDirectory("kinetz-test-store");
                } catch (IOException e) {
                    throw new UncheckedIOException("no temporary directory for the H2 store", e);
                }
            default:
                throw new IllegalStateException("unknown store '" + store + "' in -D" + STORE + ": expected memory or h2");
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind at exit is not worth failing for
        }
    }

    static EmbeddedTestInfrastructure instance() {
        EmbeddedTestInfrastructure local = instance;
        if (local == null) {
            synchronized (EmbeddedTestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    instance = local = new EmbeddedTestInfrastructure();
                }
            }
        }
        return local;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public String description() {
        return "embedded: Kafka broker (KRaft) at " + kafkaBootstrapServers() + ", MongoDB wire server ("
                + System.getProperty(STORE, "memory") + ") at " + mongoConnectionString() + " (-Pcontainers for Docker containers instead)";
    }
}
