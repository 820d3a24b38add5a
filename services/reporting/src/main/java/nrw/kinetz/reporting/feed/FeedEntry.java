package nrw.kinetz.reporting.feed;

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
 * @param values     its exact numbers
 * @param recordedAt when it was appended
 */
public record FeedEntry(long sequence, String changeId, String key, String measure, Period period,
        Map<String, String> dimensions, Map<String, Long> values, Instant recordedAt) {

    public FeedEntry {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(recordedAt, "recordedAt");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the opaque cursor of this entry: {@code after=} of the feed, {@code id} of the SSE event */
    public String cursor() {
        return FeedCursor.format(sequence);
    }
}
