package nrw.kinetz.reporting.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import nrw.kinetz.model.Period;

/**
 * One change in the feed, with its place in the one order every instance agrees on.
 *
 * @param sequence   the position; increasing, not necessarily without gaps
 * @param changeId   the change's identity ({@link Change#changeId()})
 * @param key        the aggregate key
 * @param measure    the measure
 * @param period     the period the aggregate covers
 * @param dimensions its coordinates by {@code groupBy} name
 * @param values     its exact whole numbers
 * @param recordedAt when it was appended
 * @param decimals   its exact decimals (money, full-time equivalents), empty for a measure that only counts
 */
public record FeedEntry(long sequence, String changeId, String key, String measure, Period period,
        Map<String, String> dimensions, Map<String, Long> values, Instant recordedAt, Map<String, BigDecimal> decimals) {

    /** An entry of a measure that only counts. */
    public FeedEntry(long sequence, String changeId, String key, String measure, Period period,
            Map<String, String> dimensions, Map<String, Long> values, Instant recordedAt) {
        this(sequence, changeId, key, measure, period, dimensions, values, recordedAt, Map.of());
    }

    public FeedEntry {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(recordedAt, "recordedAt");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        decimals = Collections.unmodifiableMap(new LinkedHashMap<>(decimals));
    }

    /** @return whether the entry carries decimals, which only version 2 of the aggregate event can */
    public boolean hasDecimals() {
        return !decimals.isEmpty();
    }

    /** @return the opaque cursor of this entry: {@code after=} of the feed, {@code id} of the SSE event */
    public String cursor() {
        return FeedCursor.format(sequence);
    }
}
