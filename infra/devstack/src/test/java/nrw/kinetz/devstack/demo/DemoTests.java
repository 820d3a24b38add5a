package nrw.kinetz.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nrw.kinetz.model.reference.KiSites;

class DemoTests {

    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final RecordingIntake intake = new RecordingIntake();
    private final List<String> log = new ArrayList<>();

    @Test
    void historySendsEveryKisActivitiesWithItsOwnClientInBatchesTheIntakeTakes() throws InterruptedException {
        Intake.Answer answer = demo().history(30, Demo.History.AUTO);

        assertThat(intake.requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.activities()).hasSizeBetween(1, Demo.BATCH);
            assertThat(request.activities()).allSatisfy(a -> assertThat(request.clientId()).isEqualTo("ki-" + a.site().value()));
        });
        assertThat(intake.requests.stream().map(Request::clientId).distinct()).hasSize(54);
        assertThat(intake.sent()).allSatisfy(a -> assertThat(a.occurredOn())
                .isBetween(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 3)));
        assertThat(answer.accepted()).isEqualTo(intake.sent().size());
    }

    @Test
    void historyIsSentOncePerDataFolderUnlessAskedAgainAndThenWithTheSameIds() throws InterruptedException {
        demo().history(30, Demo.History.AUTO);
        List<UUID> first = intake.sent().stream().map(DemoActivity::id).toList();
        intake.requests.clear();

        demo().history(30, Demo.History.AUTO);
        assertThat(intake.requests).isEmpty();

        demo().history(30, Demo.History.ALWAYS);
        assertThat(intake.sent().stream().map(DemoActivity::id).toList()).isEqualTo(first);
    }

    @Test
    void noHistoryWhenAskedForNone() throws InterruptedException {
        demo().history(365, Demo.History.NEVER);

        assertThat(intake.requests).isEmpty();
    }

    @Test
    void liveSendsTodaysActivitiesOneAtATimeGoingRoundAllKis() throws InterruptedException {
        long sent = demo().live(1000, 108, () -> false);

        assertThat(sent).isEqualTo(108);
        assertThat(intake.requests).hasSize(108).allSatisfy(request -> assertThat(request.activities()).hasSize(1));
        assertThat(intake.sent()).allSatisfy(a -> assertThat(a.occurredOn()).isEqualTo(LocalDate.of(2026, 12, 4)));
        assertThat(intake.sent().stream().map(a -> a.site().value()).distinct()).hasSize(54);
        assertThat(intake.sent().stream().map(DemoActivity::id).distinct()).hasSize(108);
    }

    @Test
    void liveStopsWhenAsked() throws InterruptedException {
        assertThat(demo().live(1000, 0, () -> intake.requests.size() >= 5)).isEqualTo(5);
    }

    private Demo demo() {
        return new Demo(intake, KiSites.all(), DECEMBER, dataDir, log::add);
    }

    private record Request(String clientId, List<DemoActivity> activities) {
    }

    /** Accepts everything and remembers what it was sent. */
    private static final class RecordingIntake implements Intake {

        final List<Request> requests = new ArrayList<>();

        @Override
        public Answer send(String clientId, List<DemoActivity> activities) {
            requests.add(new Request(clientId, List.copyOf(activities)));
            return new Answer(activities.size(), 0, 0, null);
        }

        List<DemoActivity> sent() {
            return requests.stream().flatMap(request -> request.activities().stream()).toList();
        }
    }
}
