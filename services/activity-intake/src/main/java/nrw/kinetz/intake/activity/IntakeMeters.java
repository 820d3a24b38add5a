package nrw.kinetz.intake.activity;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what became of the activities of real (not dry-run) requests: {@code kinetz.intake.activities} with
 * {@code outcome} accepted, duplicate or rejected (docs/operations.md#metrics-and-alerts).
 */
final class IntakeMeters {

    private final Map<ItemResult.Status, Counter> counters = new EnumMap<>(ItemResult.Status.class);

    IntakeMeters(MeterRegistry meters) {
        for (ItemResult.Status status : new ItemResult.Status[] {
                ItemResult.Status.ACCEPTED, ItemResult.Status.DUPLICATE, ItemResult.Status.REJECTED}) {
            counters.put(status, Counter.builder("kinetz.intake.activities").tag("outcome", status.code())
                    .description("Activities of intake requests by what became of them").register(meters));
        }
    }

    /** Counts one item's outcome; an item without one (the request failed before deciding it) is not counted. */
    void count(ItemResult.Status status) {
        Counter counter = status == null ? null : counters.get(status);
        if (counter != null) {
            counter.increment();
        }
    }
}
