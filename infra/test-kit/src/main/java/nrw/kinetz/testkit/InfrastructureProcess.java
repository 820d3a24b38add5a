package nrw.kinetz.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import nrw.kinetz.infra.embedded.EmbeddedKafkaBroker;
import nrw.kinetz.infra.embedded.EmbeddedMongo;

/**
 * The test kit's embedded broker and store as a process of their own, for {@value TestInfrastructure#SWITCH}{@code =process}
 * ({@link ProcessTestInfrastructure} starts it): the same broker and the same store ({@code --store memory|h2}, as
 * {@value EmbeddedTestInfrastructure#STORE}) as in the test's JVM, on free ports.
 *
 * <p>Once both listen it prints one line, {@code READY kafka=<host:port> mongo=<mongodb://host:port>}. It stops both
 * and exits when its standard input ends: the JVM that started it holds the other end, so the process does not outlive
 * it, however that JVM ends.
 */
public final class InfrastructureProcess {

    static final String READY = "READY ";

    private InfrastructureProcess() {
    }

    public static void main(String[] args) throws IOException {
        String store = args.length == 2 && args[0].equals("--store") ? args[1] : null;
        if (store == null) {
            System.err.println("usage: InfrastructureProcess --store memory|h2");
            System.exit(2);
            return;
        }
        EmbeddedMongo mongo = EmbeddedTestInfrastructure.store(store);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.create(0, null);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    kafka.close();
                } finally {
                    mongo.close();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "infrastructure-process-stop"));
        mongo.start();
        kafka.start();
        System.out.println(READY + "kafka=" + kafka.bootstrapServers() + " mongo=" + mongo.connectionString());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // nothing is sent; the end of the stream is the signal
        }
        stop.run();
        System.exit(0);
    }
}
