package nrw.kinetz.reporting.publication.adapter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.model.Role;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Measures;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.adapter.AggregatesController;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.feed.FeedCursor;
import nrw.kinetz.reporting.publication.FigureRequest;
import nrw.kinetz.reporting.publication.PublicFigures;

/**
 * Publications' numbers, asked of the aggregates endpoint's own handler for one caller. Calling the handler, not
 * a measure, is deliberate: whatever disclosure control the public API applies is then applied here too, and a
 * change to it reaches open data and the annual report without a second place to keep in step.
 */
final class ApiFigures implements PublicFigures {

    /** The internal edition is the LaKI's: it reads as the LaKI does. */
    static final Caller LAKI = new Caller(Optional.of("annual-report"), Set.of(Role.LAKI), Optional.empty());

    private final AggregatesController aggregates;
    private final Measures measures;
    private final Feed feed;
    private final Caller caller;

    ApiFigures(AggregatesController aggregates, List<Measure> measures, Feed feed, Caller caller) {
        this.aggregates = aggregates;
        this.measures = new Measures(measures);
        this.feed = feed;
        this.caller = caller;
    }

    @Override
    public AggregateReport read(FigureRequest request) {
        return aggregates.aggregates(request.measure(), request.groupBy(), request.period().orElse(null), caller);
    }

    @Override
    public List<Metric> metrics(String measure) {
        return measures.find(measure).orElseThrow().metrics();
    }

    @Override
    public String cursor() {
        return FeedCursor.format(feed.last());
    }
}
