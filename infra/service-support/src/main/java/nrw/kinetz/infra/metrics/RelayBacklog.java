package nrw.kinetz.infra.metrics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.data.mongodb.core.MongoOperations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauge {@code kinetz.relay.backlog} (tag {@code relay}): what a relay still has to publish
 * (docs/operations.md#metrics-and-alerts). It is read from the store when scraped, at most once per
 * {@link #FRESH}; a reading that fails (the store is away) leaves the last value, and before the first reading
 * the gauge has none (NaN).
 */
public final class RelayBacklog {

    public static final String METER = "kinetz.relay.backlog";

    /** How long one reading is shown to the scrapes that follow it. */
    public static final Duration FRESH = Duration.ofSeconds(10);

    private final LongSupplier pending;
    private double last = Double.NaN;
    private long readAt;
    private boolean read;

    private RelayBacklog(LongSupplier pending) {
        this.pending = pending;
    }

    /**
     * Registers the gauge of one relay.
     *
     * @param relay   the {@code relay} tag, e.g. {@code site-events}
     * @param unit    what {@code pending} counts, for the description, e.g. "sites with unpublished events"
     * @param pending reads the backlog from the store
     */
    public static void register(MeterRegistry meters, String relay, String unit, LongSupplier pending) {
        Gauge.builder(METER, new RelayBacklog(pending), RelayBacklog::value)
                .description("What a relay has still to publish: " + unit)
                .tag("relay", relay)
                .strongReference(true) // nothing else holds the reader
                .register(meters);
    }

    /**
     * Reads the documents of {@code collection} whose array {@code field} has an element: in an outbox
     * (pending event ids, or the events themselves, kept on the aggregate's document) the aggregates whose
     * events are not yet on Kafka.
     */
    public static LongSupplier documentsWithPending(MongoOperations mongo, String collection, String field) {
        return () -> mongo.count(query(where(field + ".0").exists(true)), collection);
    }

    synchronized double value() {
        long now = System.nanoTime();
        if (!read || now - readAt >= FRESH.toNanos()) {
            try {
                last = pending.getAsLong();
            } catch (RuntimeException e) {
                // the store is away: the scrape shows the last reading rather than failing
            }
            readAt = now;
            read = true;
        }
        return last;
    }
}
