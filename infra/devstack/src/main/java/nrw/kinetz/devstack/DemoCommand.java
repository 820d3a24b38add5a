package nrw.kinetz.devstack;

import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import nrw.kinetz.devstack.demo.Demo;
import nrw.kinetz.devstack.demo.DemoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinetz demo}: sample activities of all 54 KIs through the running devstack's intake. */
@Command(name = "demo", description = {
        "Send sample activities (Beispieldaten) of all 54 KIs through the running devstack's intake, each with the KI's"
                + " own token: on the first run a year of history, then a few per second until Ctrl-C.",
        "The dashboard shows a 'Beispieldaten' badge from then on; rm -rf .devstack removes them."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "3", description = "Live activities per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--count", defaultValue = "0",
            description = "Stop after this many live activities; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--history", defaultValue = "AUTO",
            description = "AUTO sends the year of history once per data folder, ALWAYS again (the intake counts it once),"
                    + " NEVER not at all (default: ${DEFAULT-VALUE}).")
    Demo.History history;

    @Option(names = "--history-days", defaultValue = "365", description = "Days of history (default: ${DEFAULT-VALUE}).")
    int historyDays;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws InterruptedException {
        if (!(rate > 0)) {
            System.err.println("[kinetz demo] --rate must be above 0");
            return 2;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped.set(true), "demo-stop"));
        return run(stack.layout(), history, historyDays, rate, count, stopped,
                message -> System.err.println("[kinetz demo] " + message));
    }

    /** Runs the demo against the devstack of {@code layout}; 0 when it ended as asked, 1 when it could not go on. */
    static int run(DevstackLayout layout, Demo.History history, int historyDays, double rate, long count,
            AtomicBoolean stopped, Consumer<String> log) throws InterruptedException {
        DevstackTokens tokens = new DevstackTokens(layout);
        Demo demo = Demo.against(URI.create("http://127.0.0.1:" + layout.portOf(DevstackLayout.ACTIVITY_INTAKE)),
                tokens::token, layout.dataDir(), log);
        try {
            demo.history(historyDays, history);
            long sent = demo.live(rate, count, stopped::get);
            log.accept("live: " + sent + " sent; stopped");
            return 0;
        } catch (DemoException e) {
            log.accept(e.getMessage());
            return 1;
        }
    }
}
