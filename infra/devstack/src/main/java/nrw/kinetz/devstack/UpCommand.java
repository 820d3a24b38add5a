package nrw.kinetz.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import nrw.kinetz.devstack.demo.Demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kinetz up}: starts the {@link Devstack}, prints one ready line when all are healthy, and stops
 * everything on Ctrl-C or SIGTERM.
 */
@Command(name = "up", description = "Start Kafka, MongoDB, the authorization server and every service; stop with Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    static final String READY_PREFIX = "KI-Netz ready: http://localhost:";

    @Option(names = "--data-dir", description = "Where all data lives (default: .devstack in the repository).")
    Path dataDir;

    @Option(names = "--port-offset", defaultValue = "0",
            description = "Add this to every port, to run a second stack beside one (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--store", defaultValue = "H2",
            description = "MongoDB's storage: H2 (a file in the data folder, kept across restarts) or MEMORY (lost at stop;"
                    + " for benchmarks). Default: ${DEFAULT-VALUE}.")
    Devstack.Store store;

    @Option(names = "--timeout", defaultValue = "PT4M",
            description = "How long to wait for every process to be healthy (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--demo", description = "Once ready, send sample activities of all 54 KIs, as './kinetz demo' does.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        DevstackLayout layout = DevstackLayout.of(dataDir, portOffset);
        Devstack devstack = new Devstack(layout, message -> System.err.println("[kinetz] " + message), store);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devstack.close();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            devstack.start(timeout);
        } catch (Devstack.DevstackException e) {
            System.err.println("[kinetz] " + e.getMessage());
            devstack.close();
            return 1;
        }
        System.out.println(READY_PREFIX + layout.portOf(DevstackLayout.REPORTING));
        System.out.flush();
        if (demo) {
            startDemo(layout);
        } else {
            System.err.println("[kinetz] sample data (Beispieldaten) to watch the dashboard move: ./kinetz demo"
                    + (portOffset == 0 ? "" : " --port-offset " + portOffset) + " in a second terminal, or ./kinetz up --demo");
        }
        watch(devstack);
        stopped.await();
        return 0;
    }

    /** The demo with its defaults, beside the running stack; it ends when the stack stops. */
    private static void startDemo(DevstackLayout layout) {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread demo = new Thread(() -> {
            try {
                DemoCommand.run(layout, Demo.History.AUTO, 365, 3, 0, stopped,
                        message -> System.err.println("[kinetz demo] " + message));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo");
        demo.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped.set(true), "demo-stop"));
        demo.start();
    }

    /** A service that dies later is reported, so nobody debugs a half-running platform. */
    private static void watch(Devstack devstack) {
        Thread watcher = new Thread(() -> {
            List<String> reported = List.of();
            while (!devstack.isStopped()) {
                List<String> dead = devstack.deadChildren();
                if (!devstack.isStopped() && !dead.equals(reported)) {
                    System.err.println("[kinetz] stopped unexpectedly: " + dead + " — see " + devstack.layout().logDir());
                    reported = dead;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "devstack-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
