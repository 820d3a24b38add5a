package nrw.kinetz.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.store.FixedGenerations;
import nrw.kinetz.reporting.activity.store.InMemoryActivityStore;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.FeedEntry;
import nrw.kinetz.reporting.feed.InMemoryFeed;
import nrw.kinetz.reporting.feed.SwitchableLease;

class LiveStreamsTests {

    private static final LiveFilter ALL = new LiveFilter(Optional.empty(), Optional.empty(), Optional.empty());

    private final InMemoryFeed feed = new InMemoryFeed();
    private final SwitchableLease lease = new SwitchableLease();
    private final ActivitiesMeasure activities = new ActivitiesMeasure(new ActivityReadModel(
            new FixedGenerations(new Generation(1)), (generation, live) -> new InMemoryActivityStore()));

    @Test
    void whatAnotherInstanceAppendedBeforeThisOneTookTheFeedOverIsStreamedBeforeItsOwnEntries() {
        lease.held = false;
        try (LiveStreams streams = new LiveStreams(feed, lease, activities, List.of(), 100, 1)) {
            // Polls rarely: only the hand-over can deliver within the test.
            streams.start(Duration.ofHours(1), Duration.ofHours(1));
            RecordingSink sink = new RecordingSink();
            streams.subscribe(ALL, true, sink, Optional.empty());

            feed.append(List.of(change("a", 1), change("b", 1)), Instant.now()); // the other instance, then it dies
            lease.held = true; // this instance takes the feed over and appends
            List<FeedEntry> own = feed.append(List.of(change("c", 1)), Instant.now());
            streams.appended(own);

            await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().size() >= 3);
            assertThat(sink.ids()).containsExactly("1", "2", "3");
        }
    }

    private static Change change(String key, long revision) {
        return new Change("g1", "activities/" + key, revision, "activities", Period.parse("2026-05"), Map.of(),
                Map.of("activities", 1L));
    }

    private static final class RecordingSink implements Sink {

        private final List<Frame> frames = new CopyOnWriteArrayList<>();

        List<String> ids() {
            return frames.stream().filter(frame -> frame.id() != null).map(Frame::id).toList();
        }

        @Override
        public void send(List<Frame> written) {
            frames.addAll(written);
        }

        @Override
        public void close() {
        }
    }
}
