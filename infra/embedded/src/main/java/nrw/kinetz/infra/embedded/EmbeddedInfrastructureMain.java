package nrw.kinetz.infra.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the devstack infrastructure as its own process: a Kafka broker and an H2-backed MongoDB wire
 * server.
 *
 * <pre>
 * java -cp ... nrw.kinetz.infra.embedded.EmbeddedInfrastructureMain \
 *     [--kafka-port N] [--mongo-port N] [--data-dir DIR]
 * </pre>
 *
 * <p>Ports default to 0 (a free port). Kafka keeps its data in {@code DIR/kafka}, MongoDB in
 * {@code DIR/mongo/mongo.mv}; without {@code --data-dir} a temporary directory is used and deleted on
 * exit. Once both accept connections, one line goes to stdout:
 * {@code READY kafka=127.0.0.1:<port> mongo=mongodb://127.0.0.1:<port>}. On SIGTERM / SIGINT both are
 * stopped cleanly and {@code STOPPED} is printed. Startup failures print {@code FAILED <reason>} to
 * stderr and exit with status 1; usage errors exit with status 2.
 *
 * <p>If Logback is on the classpath and {@code logback.configurationFile} is not set, a bundled
 * configuration is used that logs INFO for this package and WARN for the servers.
 */
public final class EmbeddedInfrastructureMain {

    static final String LOGBACK_CONFIGURATION = "nrw/kinetz/infra/embedded/embedded-infrastructure-logback.xml";

    private EmbeddedInfrastructureMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help) {
            usage(System.out);
            return;
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }

        boolean temporary = options.dataDir == null;
        Path dataDir = temporary ? Directories.createTemp("kinetz-devstack-") : Directories.ensureExists(options.dataDir);
        EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir.resolve("mongo"), options.mongoPort);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.create(options.kafkaPort, dataDir.resolve("kafka"));

        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopAll = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    kafka.close();
                } finally {
                    mongo.close();
                    if (temporary) {
                        Directories.deleteQuietly(dataDir);
                    }
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll.run();
            System.out.println("STOPPED");
            System.out.flush();
        }, "embedded-infrastructure-shutdown"));

        try {
            mongo.start();
            kafka.start();
        } catch (RuntimeException e) {
            System.err.println("FAILED " + e.getMessage());
            e.printStackTrace();
            stopAll.run();
            System.exit(1);
            return;
        }
        System.out.println("READY kafka=" + kafka.bootstrapServers() + " mongo=" + mongo.connectionString());
        System.out.flush();
        new CountDownLatch(1).await(); // until the JVM is asked to exit; the shutdown hook stops both
    }

    private static void usage(PrintStream out) {
        out.println("usage: EmbeddedInfrastructureMain [--kafka-port N] [--mongo-port N] [--data-dir DIR]");
        out.println("  ports default to 0 (free port); without --data-dir the data is temporary");
    }

    record Options(int kafkaPort, int mongoPort, Path dataDir, boolean help) {

        static Options parse(String[] args) {
            int kafkaPort = 0;
            int mongoPort = 0;
            Path dataDir = null;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--help", "-h" -> help = true;
                    case "--kafka-port", "--mongo-port", "--data-dir" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--kafka-port" -> kafkaPort = port(name, value);
                            case "--mongo-port" -> mongoPort = port(name, value);
                            default -> dataDir = Path.of(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(kafkaPort, mongoPort, dataDir, help);
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a port number 0..65535, was " + value);
        }
    }
}
