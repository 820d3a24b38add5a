package nrw.kinetz.reporting.feed;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;
import nrw.kinetz.model.NetworkTime;

/**
 * One change as the feed and the live stream show it to a caller, e.g.
 * {@code {"cursor":"42","key":"activities/05974/2026-07/FRUEHE_BILDUNG/BERATUNG/NONE","measure":"activities",
 * "period":"2026-07","dimensions":{"site":"05974",…},"values":{"activities":2,"participants":{"suppressed":true},…},
 * "updatedAt":"2026-07-14T10:15:00+02:00"}}: the aggregate's whole current value, with people counts shown as
 * their band (1 to 4 withheld, {@code 5} for 5 to 9 …) unless the caller sees exact numbers (docs/architecture.md#suppression).
 *
 * @param cursor     the entry's cursor
 * @param key        the aggregate key
 * @param measure    the measure
 * @param period     the period the aggregate covers
 * @param dimensions its coordinates by {@code groupBy} name
 * @param values     its numbers as this caller may see them
 * @param updatedAt  when the change was recorded, in Europe/Berlin
 */
public record ChangeView(String cursor, String key, String measure, String period, Map<String, String> dimensions,
        Map<String, CellValue> values, OffsetDateTime updatedAt) {


    public ChangeView {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param metrics          the measure's metrics, to tell people counts from other counts
     * @param seesExactNumbers {@code true} for the LaKI
     */
    public static ChangeView of(FeedEntry entry, List<Metric> metrics, boolean seesExactNumbers) {
        Map<String, CellValue> exact = new LinkedHashMap<>();
        entry.values().forEach((metric, value) -> exact.put(metric, CellValue.of(value)));
        // Money and full-time equivalents: decimal text with two decimals, like every amount reporting answers with.
        entry.decimals().forEach((metric, value) -> exact.put(metric, CellValue.of(value)));
        return new ChangeView(entry.cursor(), entry.key(), entry.measure(), entry.period().value(), entry.dimensions(),
                Suppression.forCaller(seesExactNumbers).showOne(exact, metrics), entry.recordedAt().atZone(NetworkTime.ZONE).toOffsetDateTime());
    }
}
