package nrw.kinetz.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.projection.ActivityReadModel;
import nrw.kinetz.reporting.activity.store.FixedGenerations;
import nrw.kinetz.reporting.activity.store.InMemoryActivityStore;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.FeedEntry;
import nrw.kinetz.reporting.feed.InMemoryFeed;
import nrw.kinetz.reporting.feed.SwitchableLease;

class LiveStreamsTests {

    private static final LiveFilter ALL = new LiveFilter(Optional.empty(), Optional.empty(), Optional.empty());

    private final InMemoryFeed feed = new InMemoryFeed();
    private final SwitchableLease lease = new SwitchableLease();
    private final InMemoryActivityStore store = new InMemoryActivityStore();
    private final ActivitiesMeasure activities = new ActivitiesMeasure(new ActivityReadModel(
            new FixedGenerations(new Generation(1)), (generation, live) -> store));

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

    @Test
    void streamsAreCappedPerClientAndInAllAndAClosedStreamFreesItsPlace() {
        LiveStreams.Limits limits = new LiveStreams.Limits(3, 2, Duration.ofSeconds(10), Duration.ofSeconds(7));
        try (LiveStreams streams = new LiveStreams(feed, lease, activities, List.of(), 100, 1, limits)) {
            Subscriber first = streams.subscribe(ALL, false, new RecordingSink(), Optional.empty(), streams.admit("a"));
            streams.admit("a");

            assertThatThrownBy(() -> streams.admit("a")).isInstanceOfSatisfying(TooManyStreamsException.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7))).hasMessageContaining("2 live streams");
            streams.admit("b");
            assertThatThrownBy(() -> streams.admit("c")).isInstanceOf(TooManyStreamsException.class)
                    .hasMessageContaining("3 clients");

            first.close();
            streams.admit("c");
            assertThatThrownBy(() -> streams.admit("a")).isInstanceOf(TooManyStreamsException.class);
        }
    }

    @Test
    void aClientThatStopsReadingIsEndedAfterTheSendTimeoutAndItsSenderThreadServesOthers() {
        LiveStreams.Limits limits = new LiveStreams.Limits(10, 10, Duration.ofMillis(50), Duration.ofSeconds(5));
        try (LiveStreams streams = new LiveStreams(feed, lease, activities, List.of(), 100, 1, limits)) {
            NeverReadingSink stuck = new NeverReadingSink();
            streams.subscribe(ALL, true, stuck, Optional.empty());
            streams.deliver(feed.append(List.of(change("a", 1)), Instant.now()));
            await().atMost(Duration.ofSeconds(5)).until(() -> stuck.writing.getCount() == 0);

            await().atMost(Duration.ofSeconds(5)).until(() -> {
                streams.endSlowWriters();
                return streams.clients() == 0;
            });

            await().atMost(Duration.ofSeconds(5)).until(() -> stuck.closed);
            assertThat(stuck.interrupted).isTrue();
            RecordingSink reading = new RecordingSink();
            streams.subscribe(ALL, true, reading, Optional.empty());
            streams.deliver(feed.append(List.of(change("b", 1)), Instant.now()));
            await().atMost(Duration.ofSeconds(5)).until(() -> reading.ids().contains("2"));
        }
    }

    @Test
    void aClientConnectsWhileTheFanOutWaitsForTheStore() {
        try (LiveStreams streams = new LiveStreams(feed, lease, activities, List.of(), 100, 1)) {
            LiveFilter bySite = new LiveFilter(Optional.of(Dimension.SITE), Optional.empty(), Optional.empty());
            streams.subscribe(bySite, true, new RecordingSink(), Optional.empty());
            List<FeedEntry> entries = feed.append(List.of(change("a", 1)), Instant.now());
            Thread fanOut = new Thread(() -> streams.deliver(entries), "test-fan-out");

            synchronized (store) { // the store does not answer: the fan-out's table query waits
                fanOut.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> fanOut.getState() == Thread.State.BLOCKED);

                CompletableFuture<Subscriber> late = CompletableFuture.supplyAsync(
                        () -> streams.subscribe(ALL, true, new RecordingSink(), Optional.empty()));

                await().atMost(Duration.ofSeconds(10)).until(late::isDone);
                assertThat(fanOut.getState()).isEqualTo(Thread.State.BLOCKED);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !fanOut.isAlive());
        }
    }

    private static Change change(String key, long revision) {
        return new Change("g1", "activities/" + key, revision, "activities", Period.parse("2026-05"), Map.of(),
                Map.of("activities", 1L));
    }

    /** A client whose socket is full: a write blocks until its thread is interrupted. */
    private static final class NeverReadingSink implements Sink {

        final CountDownLatch writing = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile boolean closed;

        @Override
        public void send(List<Frame> frames) throws InterruptedIOException {
            writing.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted = true;
                throw new InterruptedIOException("write interrupted");
            }
        }

        @Override
        public void close() {
            closed = true;
        }
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
