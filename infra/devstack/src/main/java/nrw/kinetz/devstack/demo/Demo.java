package nrw.kinetz.devstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;

/**
 * {@code ./kinetz demo}: makes the network live with sample data ("Beispieldaten"). On the first run it sends a
 * year of history, then a few activities per second, each from one of the 54 KIs with that KI's own token,
 * through the real intake — never into Kafka or the store directly. Every activity's note says it is sample
 * data, so reporting labels the dashboard.
 */
public final class Demo {

    /** Whether to send the history. */
    public enum History {
        /** Only when this data folder has not had it yet. */
        AUTO,
        /** Again; it is the same history, so the intake answers "duplicate" for what it has. */
        ALWAYS,
        NEVER
    }

    /** A client-credentials token for a client id, from the authorization server. */
    @FunctionalInterface
    public interface Tokens {
        String token(String clientId) throws IOException, InterruptedException;
    }

    /** The most activities one request carries; the intake's own limit is 1,000. */
    static final int BATCH = 500;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Intake intake;
    private final List<KiSiteReference> sites;
    private final Clock clock;
    private final Path marker;
    private final Consumer<String> log;
    private final DemoActivities activities = new DemoActivities();

    Demo(Intake intake, List<KiSiteReference> sites, Clock clock, Path dataDir, Consumer<String> log) {
        this.intake = intake;
        this.sites = sites;
        this.clock = clock;
        this.marker = dataDir.resolve("demo").resolve("history-sent");
        this.log = log;
    }

    /**
     * The demo against a running devstack.
     *
     * @param tokens  a client-credentials token for a client id
     * @param dataDir the devstack's data folder; the demo notes there that the history was sent
     */
    public static Demo against(URI intake, Tokens tokens, Path dataDir, Consumer<String> log) {
        return new Demo(new HttpIntake(intake, tokens), KiSites.all(), Clock.systemUTC(), dataDir, log);
    }

    /**
     * Sends the activities of the {@code days} days before today, site by site.
     *
     * @return what the intake made of them; all zero when nothing was sent
     */
    public Intake.Answer history(int days, History mode) throws InterruptedException {
        if (mode == History.NEVER || days <= 0 || mode == History.AUTO && Files.exists(marker)) {
            if (mode == History.AUTO && Files.exists(marker)) {
                log.accept("history: sent before (" + marker + "); --history=ALWAYS sends it again");
            }
            return new Intake.Answer(0, 0, 0, null);
        }
        LocalDate today = LocalDate.now(clock.withZone(BERLIN));
        log.accept("history: sending the " + days + " days before " + today + " for " + sites.size() + " KIs …");
        Intake.Answer total = new Intake.Answer(0, 0, 0, null);
        for (KiSiteReference site : sites) {
            List<DemoActivity> year = activities.between(site, today.minusDays(days), today.minusDays(1));
            for (int from = 0; from < year.size(); from += BATCH) {
                total = total.plus(intake.send(clientOf(site), year.subList(from, Math.min(year.size(), from + BATCH))));
            }
        }
        log.accept("history: " + total.accepted() + " accepted, " + total.duplicate() + " duplicates, "
                + total.rejected() + " rejected" + (total.firstProblem() == null ? "" : " (first: " + total.firstProblem() + ")"));
        note(today, total);
        return total;
    }

    /**
     * Sends activities of today, one at a time, {@code perSecond} on average, going round the sites, until
     * {@code count} were sent (0: no limit) or {@code stop} says so. Ids come from the time of the first one, so a
     * later run sends new activities, and a run repeated at the same moment the same ones.
     *
     * @return how many were sent
     */
    public long live(double perSecond, long count, BooleanSupplier stop) throws InterruptedException {
        long periodNanos = (long) (1_000_000_000L / perSecond);
        long first = clock.millis() * 1_000_000L / periodNanos;
        long start = System.nanoTime();
        long sent = 0;
        log.accept("live: " + perSecond + " activities per second from " + sites.size() + " KIs; Ctrl-C stops");
        while ((count == 0 || sent < count) && !stop.getAsBoolean()) {
            long number = first + sent;
            KiSiteReference site = sites.get((int) Math.floorMod(number, (long) sites.size()));
            DemoActivity activity = activities.live(site, LocalDate.now(clock.withZone(BERLIN)), number);
            Intake.Answer answer = intake.send(clientOf(site), List.of(activity));
            if (answer.rejected() > 0) {
                log.accept("live: rejected " + answer.firstProblem());
            }
            sent++;
            if (sent % 100 == 0) {
                log.accept("live: " + sent + " sent");
            }
            long wait = start + sent * periodNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else if (wait < -1_000_000_000L) {
                start -= wait; // after a pause (the intake was away) go on at the rate instead of catching up at once
            }
        }
        return sent;
    }

    static String clientOf(KiSiteReference site) {
        return "ki-" + site.siteId().value();
    }

    private void note(LocalDate today, Intake.Answer total) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "history up to " + today.minusDays(1) + ": " + total + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
