package nrw.kinetz.reporting.publication;

import java.util.List;

import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.Metric;

/**
 * Where publications get their numbers: the aggregates API's own answer for a caller, so that open data and the
 * annual report show exactly what {@code GET /api/v1/aggregates} shows that caller — disclosure control included,
 * never recomputed beside it.
 */
public interface PublicFigures {

    /** @return the answer {@code GET} {@link FigureRequest#path()} gives the caller this instance speaks for */
    public AggregateReport read(FigureRequest request);

    /** @return the measure's metrics in column order, with their German headings */
    public List<Metric> metrics(String measure);

    /** @return the feed cursor of the newest change: the state of the read models the figures were read at */
    public String cursor();
}
