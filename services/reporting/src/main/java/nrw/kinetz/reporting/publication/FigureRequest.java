package nrw.kinetz.reporting.publication;

import java.util.Objects;
import java.util.Optional;

/**
 * One question to the public aggregates API ({@code GET /api/v1/aggregates}): every published figure comes from
 * one of these, and its {@link #path()} is what a reader sends to get the same figure again.
 *
 * @param measure e.g. {@code activities}
 * @param groupBy e.g. {@code site}
 * @param period  canonical period text ({@code 2026-07}, {@code 2026}), empty for all time / now
 */
public record FigureRequest(String measure, String groupBy, Optional<String> period) {

    public FigureRequest {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(period, "period");
    }

    public static FigureRequest of(String measure, String groupBy, String period) {
        return new FigureRequest(measure, groupBy, Optional.of(period));
    }

    /** @return the request path with its query, e.g. {@code /api/v1/aggregates?measure=sites&groupBy=status&period=2026} */
    public String path() {
        return "/api/v1/aggregates?measure=" + measure + "&groupBy=" + groupBy + period.map(p -> "&period=" + p).orElse("");
    }
}
