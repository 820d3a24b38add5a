package nrw.kinetz.model.aggregate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import nrw.kinetz.model.Period;

/**
 * The current value of one aggregate changed ({@code nrw.ki.aggregate.updated.v2} on the compacted topic
 * {@code laki.aggregates.v1}, key and subject = {@link #key()}, {@code ce_source} = {@code /services/reporting}).
 * Version 2 of {@link AggregateUpdated}: besides whole counts it carries exact decimals — money in euros and
 * full-time equivalents — as strings with fixed decimals ({@code "15000.00"}, {@code "5.50"}), because a JSON
 * number is read as a binary floating-point number by many consumers and would lose cents. Version 1 cannot
 * carry decimals, so measures with decimals (programs, sites' staffing) are to be published as version 2.
 *
 * <p>Like version 1 it carries the whole current value, so the latest record per key is the aggregate.
 *
 * @param key        the aggregate's key, stable forever: {@code <measure>/<dimension values…>}, e.g.
 *                   {@code programs/05974/2026/KOMM_AN_II/A}; the Kafka key and {@code ce_subject}
 * @param measure    the measure of reporting's read API, e.g. {@code programs}
 * @param period     the period the cell covers, e.g. the budget year {@code 2026}
 * @param dimensions the cell's coordinates by the {@code groupBy} names of the read API
 * @param counts     exact whole numbers by metric name, e.g. {@code activities}; never negative
 * @param decimals   exact decimals by metric name as plain decimal text with fixed decimals, e.g.
 *                   {@code granted: "15000.00"}, {@code fte: "5.50"}; never negative
 * @param cursor     the position of this change in reporting's feed, opaque, increasing with every change
 * @param updatedAt  when reporting recorded the change
 */
public record AggregateUpdatedV2(String key, String measure, Period period, Map<String, String> dimensions,
        Map<String, Long> counts, Map<String, String> decimals, String cursor, OffsetDateTime updatedAt) {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /**
     * @throws NullPointerException     if a field is missing
     * @throws IllegalArgumentException if the key or measure is blank, a count is negative or a decimal is not
     *                                  plain non-negative decimal text
     */
    public AggregateUpdatedV2 {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(decimals, "decimals");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (key.isBlank() || measure.isBlank()) {
            throw new IllegalArgumentException("key and measure must not be blank");
        }
        counts.forEach((metric, value) -> {
            if (value == null || value < 0) {
                throw new IllegalArgumentException(metric + " must be ≥ 0, was " + value);
            }
        });
        decimals.forEach((metric, value) -> {
            if (value == null || !DECIMAL.matcher(value).matches()) {
                throw new IllegalArgumentException(metric + " must be plain decimal text such as 15000.00, was " + value);
            }
        });
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        decimals = Collections.unmodifiableMap(new LinkedHashMap<>(decimals));
    }

    /** Writes a decimal as the contract wants it: plain text, the scale as given (two decimals for money). */
    public static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** @return the decimal {@code metric} as an exact number, if present */
    public BigDecimal decimal(String metric) {
        String value = decimals.get(metric);
        return value == null ? null : new BigDecimal(value);
    }
}
