package nrw.kinetz.model.aggregate;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import nrw.kinetz.model.Period;

/**
 * The current value of one aggregate changed ({@code nrw.ki.aggregate.updated.v1} on the compacted topic
 * {@code laki.aggregates.v1}, key and subject = {@link #key()}, {@code ce_source} =
 * {@code /services/reporting}). It carries the whole current value, not a difference, so the latest record
 * per key — all that compaction keeps — is the aggregate; a consumer that reads the topic from the start
 * has every aggregate of the network. The numbers are exact: the topic is the LaKI's feed and is not
 * suppressed (docs/architecture.md#contract, docs/architecture.md#suppression).
 *
 * <p>An aggregate is the finest cell reporting keeps, e.g. for {@code measure = activities} one site, one
 * month, one focus area, one activity type and one programme; every roll-up (Regierungsbezirk, quarter,
 * budget year, network) is a sum of these cells.
 *
 * @param key        the aggregate's key, stable forever: {@code <measure>/<dimension values…>}, e.g.
 *                   {@code activities/05974/2026-07/FRUEHE_BILDUNG/BERATUNG/KOMM_AN_II} ({@code NONE} where an
 *                   optional dimension such as the programme is absent); the Kafka key and {@code ce_subject}
 * @param measure    the measure of the read API the aggregate belongs to, e.g. {@code activities}
 * @param period     the period the cell covers, in its canonical spelling (a month for activities, e.g.
 *                   {@code 2026-07})
 * @param dimensions the cell's coordinates by the {@code groupBy} names of the read API, e.g. {@code site},
 *                   {@code regierungsbezirk}, {@code field}, {@code focusArea}, {@code activityType},
 *                   {@code program}; an optional dimension that does not apply is absent
 * @param values     the exact current numbers by metric name, e.g. {@code activities}, {@code participants},
 *                   {@code volunteers}, {@code sessions}, {@code hours}; never negative (a cell whose
 *                   activities were all retracted reads 0)
 * @param cursor     the position of this change in reporting's feed ({@code GET /api/v1/feed?after=}, the SSE
 *                   event id): opaque, increasing with every change
 * @param updatedAt  when reporting recorded the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AggregateUpdated(String key, String measure, Period period, Map<String, String> dimensions,
        Map<String, Long> values, String cursor, OffsetDateTime updatedAt) {

    /**
     * @throws NullPointerException     if a field is missing
     * @throws IllegalArgumentException if the key or measure is blank or a value is negative
     */
    public AggregateUpdated {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (key.isBlank() || measure.isBlank()) {
            throw new IllegalArgumentException("key and measure must not be blank");
        }
        values.forEach((metric, value) -> {
            if (value == null || value < 0) {
                throw new IllegalArgumentException(metric + " must be ≥ 0, was " + value);
            }
        });
        // Keeps the order the producer chose (the measure's metric order) in the JSON, which Map.copyOf would not.
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
