package nrw.kinetz.infra.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTests {

    private static final Duration LONG = Duration.ofHours(1);

    private final List<String> rounds = new CopyOnWriteArrayList<>();
    private BackgroundWorker worker;

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void sweepsRightAfterStartAndThenEveryInterval() {
        worker = new BackgroundWorker("test-worker", () -> rounds.add("sweep"));
        worker.start(Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() >= 3);
        assertThat(worker.isRunning()).isTrue();
    }

    @Test
    void aWakeUpRunsTheWakeUpRoundWithoutWaitingForTheNextSweep() {
        worker = new BackgroundWorker("test-worker", () -> rounds.add("sweep"), () -> rounds.add("wake-up"));
        worker.start(LONG, LONG);

        worker.wakeUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.contains("wake-up"));
        assertThat(rounds).containsExactly("wake-up");
    }

    @Test
    void wakeUpsWhileOneIsQueuedRunOnce() throws InterruptedException {
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger wakeUpRounds = new AtomicInteger();
        worker = new BackgroundWorker("test-worker", () -> rounds.add("sweep"), wakeUpRounds::incrementAndGet);
        worker.start(LONG, LONG);
        worker.execute(() -> {
            blocking.countDown();
            block(release);
        });
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 5; i++) {
            worker.wakeUp();
        }
        worker.execute(() -> rounds.add("marker"));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.contains("marker"));
        assertThat(wakeUpRounds).hasValue(1);
    }

    @Test
    void aFailingRoundIsRetriedAtTheNextSweepAndTheWorkerKeepsRunning() {
        AtomicInteger attempts = new AtomicInteger();
        worker = new BackgroundWorker("test-worker", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("store away");
            }
            rounds.add("sweep");
        });
        worker.start(Duration.ofMillis(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.contains("sweep"));
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWakeUpWhileStoppedDoesNothingAndExecuteSaysSo() {
        worker = new BackgroundWorker("test-worker", () -> rounds.add("sweep"));

        worker.wakeUp();

        assertThat(worker.execute(() -> rounds.add("task"))).isFalse();
        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds).isEmpty();
    }

    @Test
    void stoppingWithATimeoutRunsOneLastSweepAndWaitsForIt() {
        worker = new BackgroundWorker("test-worker", () -> rounds.add("sweep"));
        worker.start(LONG, LONG);

        boolean finished = worker.stop(Duration.ofSeconds(10));

        assertThat(finished).isTrue();
        assertThat(rounds).containsExactly("sweep");
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void stoppingWithATimeoutGivesUpOnARoundThatDoesNotEnd() {
        CountDownLatch never = new CountDownLatch(1);
        worker = new BackgroundWorker("test-worker", () -> block(never));
        worker.start(LONG, LONG);

        assertThat(worker.stop(Duration.ofMillis(50))).isFalse();
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void stopDoesNotWaitForARoundInProgressAndTheWorkerCanBeStartedAgain() throws InterruptedException {
        CountDownLatch firstRoundStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        worker = new BackgroundWorker("test-worker", () -> {
            rounds.add("sweep");
            if (rounds.size() == 1) {
                firstRoundStarted.countDown();
                block(never);
            }
        });
        worker.start(LONG);
        assertThat(firstRoundStarted.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();
        assertThat(worker.isRunning()).isFalse();

        worker.start(LONG);
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() == 2);
        assertThat(worker.isRunning()).isTrue();
    }

    /** Blocks until released or interrupted (as {@link BackgroundWorker#stop()} does). */
    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
