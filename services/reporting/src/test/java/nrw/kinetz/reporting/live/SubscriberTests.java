package nrw.kinetz.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriberTests {

    private static final LiveFilter ALL = new LiveFilter(Optional.empty(), Optional.empty(), Optional.empty());

    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger closed = new AtomicInteger();

    @AfterEach
    void stop() {
        sink.open();
        sender.shutdownNow();
    }

    @Test
    void aSlowClientGetsTheLatestValuePerKeyInsteadOfEveryValue() throws Exception {
        Subscriber subscriber = subscriber(0, 100);
        sink.block();
        subscriber.offer("A", 1, "aggregate", "A1");
        sink.awaitSending();

        subscriber.offer("B", 2, "aggregate", "B2");
        subscriber.offer("A", 3, "aggregate", "A3");
        subscriber.offer("B", 4, "aggregate", "B4");
        subscriber.offer("A", 5, "aggregate", "A5");
        assertThat(subscriber.pending()).isEqualTo(2);
        sink.open();

        assertThat(sink.awaitFrames(3)).extracting(Frame::data).containsExactly("A1", "B4", "A5");
        assertThat(sink.frames).extracting(Frame::id).containsExactly("1", "4", "5");
        assertThat(sink.writes).as("what waited goes out in one write").containsExactly(1, 2);
    }

    @Test
    void framesAreWrittenAsTextEventStream() {
        StringBuilder stream = new StringBuilder();
        new Frame("7", "aggregate", "{\"a\":1}", null).writeTo(stream);
        new Frame(null, "aggregate", "line one\nline two", null).writeTo(stream);
        Frame.comment("heartbeat").writeTo(stream);

        assertThat(stream).hasToString("id:7\nevent:aggregate\ndata:{\"a\":1}\n\n"
                + "event:aggregate\ndata:line one\ndata:line two\n\n"
                + ":heartbeat\n\n");
    }

    @Test
    void aClientThatFallsTooFarBehindIsDisconnectedInsteadOfBufferedWithoutBound() throws Exception {
        Subscriber subscriber = subscriber(0, 3);
        sink.block();
        subscriber.offer("K0", 1, "aggregate", "0");
        sink.awaitSending();

        for (int i = 1; i <= 4; i++) {
            subscriber.offer("K" + i, 1 + i, "aggregate", String.valueOf(i));
        }

        assertThat(subscriber.isClosed()).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(closed.get()).isEqualTo(1);
        assertThat(subscriber.pending()).isZero();
    }

    @Test
    void eventsOfOneCursorCarryTheIdOnlyOnTheLastSoThatAResumeRepeatsAllOfThem() throws Exception {
        Subscriber subscriber = subscriber(0, 100);
        sink.block();
        subscriber.offer("X", 5, "aggregate", "X");
        sink.awaitSending();
        subscriber.offer("table/2026-07", 9, "report", "month");
        subscriber.offer("table/2026-Q3", 9, "report", "quarter");
        subscriber.offer("table/2026", 9, "report", "year");
        sink.open();

        assertThat(sink.awaitFrames(4)).extracting(Frame::id).containsExactly("5", null, null, "9");
    }

    @Test
    void nothingAtOrBeforeTheResumeCursorIsSentAgain() throws Exception {
        Subscriber subscriber = subscriber(10, 100);

        subscriber.offer("A", 10, "aggregate", "old");
        subscriber.offer("A", 11, "aggregate", "new");

        assertThat(sink.awaitFrames(1)).extracting(Frame::data).containsExactly("new");
    }

    @Test
    void theReplayIsSentBeforeLiveEventsThatArrivedMeanwhile() throws Exception {
        CountDownLatch replayAsked = new CountDownLatch(1);
        Semaphore pageReady = new Semaphore(0);
        Subscriber subscriber = new Subscriber(ALL, false, sink, 0, 100, sender, s -> {
            replayAsked.countDown();
            pageReady.acquireUninterruptibly();
            s.offer("K", 50, "aggregate", "missed");
            s.replayedThrough(100);
        }, s -> closed.incrementAndGet());
        subscriber.replayUntil(100);
        subscriber.schedule();
        assertThat(replayAsked.await(5, TimeUnit.SECONDS)).isTrue();

        subscriber.offer("L", 120, "aggregate", "live");
        pageReady.release();

        assertThat(sink.awaitFrames(2)).extracting(Frame::data).containsExactly("missed", "live");
    }

    @Test
    void anIdleStreamGetsAHeartbeatComment() throws Exception {
        Subscriber subscriber = subscriber(0, 100);

        subscriber.heartbeat();

        assertThat(sink.awaitFrames(1).get(0).comment()).isEqualTo("heartbeat");
    }

    @Test
    void aClientThatIsGoneEndsItsSubscription() throws Exception {
        Subscriber subscriber = subscriber(0, 100);
        sink.failing = true;

        subscriber.offer("A", 1, "aggregate", "A");

        await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() > 0);
        assertThat(closed.get()).isEqualTo(1);
        assertThat(subscriber.isClosed()).isTrue();
    }

    private Subscriber subscriber(long after, int capacity) {
        return new Subscriber(ALL, false, sink, after, capacity, sender, s -> s.replayedThrough(Long.MAX_VALUE),
                s -> closed.incrementAndGet());
    }

    /** Records frames; can hold the sender inside {@code send}, as a client that does not read. */
    private static final class RecordingSink implements Sink {

        final List<Frame> frames = new CopyOnWriteArrayList<>();
        private final CountDownLatch sending = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean closed;
        volatile boolean failing;

        void block() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void awaitSending() throws InterruptedException {
            assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
        }

        List<Frame> awaitFrames(int count) {
            await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() >= count);
            return new ArrayList<>(frames);
        }

        /** How many frames each write carried. */
        final List<Integer> writes = new CopyOnWriteArrayList<>();

        @Override
        public void send(List<Frame> written) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            sending.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            frames.addAll(written);
            writes.add(written.size());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
