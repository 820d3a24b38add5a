package nrw.kinetz.reporting.feed;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import nrw.kinetz.model.Period;

/**
 * An aggregate whose value changed and is not yet in the feed, as its read model announces it: the whole new
 * value, exact.
 *
 * @param origin     which store wrote it (the read model's generation), so that marking it fed touches the
 *                   document it came from
 * @param key        the aggregate key (docs/architecture.md#reading-api), e.g. {@code activities/05974/2026-07/…}
 * @param revision   the aggregate's revision; with origin and key it names this change once and for all
 * @param measure    the measure, e.g. {@code activities}
 * @param period     the period the aggregate covers
 * @param dimensions its coordinates by {@code groupBy} name
 * @param values     its exact whole numbers by metric name
 * @param decimals   its exact decimals by metric name (money in euros, full-time equivalents), empty for a measure
 *                   that only counts; a change with decimals goes to the topic as version 2 of the aggregate event
 */
public record Change(String origin, String key, long revision, String measure, Period period,
        Map<String, String> dimensions, Map<String, Long> values, Map<String, BigDecimal> decimals) {

    /** A change of a measure that only counts. */
    public Change(String origin, String key, long revision, String measure, Period period, Map<String, String> dimensions,
            Map<String, Long> values) {
        this(origin, key, revision, measure, period, dimensions, values, Map.of());
    }

    public Change {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        decimals = Collections.unmodifiableMap(new LinkedHashMap<>(decimals));
    }

    /** @return the identity of this change, e.g. {@code g1/activities/05974/2026-07/…@3}: appended at most once */
    public String changeId() {
        return origin + "/" + key + "@" + revision;
    }
}
