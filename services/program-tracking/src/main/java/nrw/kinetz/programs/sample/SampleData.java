package nrw.kinetz.programs.sample;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the sample-data seeders once the service is ready, on a background thread: the service answers (and
 * reports itself healthy) while hundreds of sample grants are still being stored, instead of making a
 * starting devstack wait for them. Each seeder is idempotent, so a restart or a second instance adds nothing.
 */
@Component
public class SampleData {

    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    /** Stores one kind of sample data, unless it is there already. */
    public interface Seeder {

        void seed();
    }

    private final List<Seeder> seeders;

    SampleData(List<Seeder> seeders) {
        this.seeders = List.copyOf(seeders);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        if (seeders.isEmpty()) {
            return;
        }
        Thread thread = new Thread(this::seedAll, "program-sample-data");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs every seeder now, on the calling thread. */
    public void seedAll() {
        for (Seeder seeder : seeders) {
            try {
                seeder.seed();
            } catch (RuntimeException e) {
                // The store may not be reachable yet; the next start seeds what is missing.
                LOG.warn("Seeding sample data with {} failed: {}", seeder.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
