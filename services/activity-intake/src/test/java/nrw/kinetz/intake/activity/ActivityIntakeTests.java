package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.activity.ActivityLedger.Claim;
import nrw.kinetz.intake.activity.ActivityLedger.Claimed;
import nrw.kinetz.intake.activity.ActivityLedger.LedgerFaultException;
import nrw.kinetz.intake.activity.domain.ActivityRules;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nrw.kinetz.model.activity.ActivityReported;

/** The order of claim, publish and confirm, with a ledger and a publisher made by hand. */
class ActivityIntakeTests {

    private final IntakeProperties properties = new IntakeProperties(null, null, null, null);
    private final FakeLedger ledger = new FakeLedger();
    private final FakePublisher publisher = new FakePublisher(properties);
    private final CheckedRecovery recovery = new CheckedRecovery(ledger);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ActivityIntake intake = new ActivityIntake(new ActivityRules(Clock.systemUTC()), ledger, publisher, properties,
            recovery, new IntakeMeters(meters));
    private final Caller soest = new Caller(Optional.of("ki-05974"), Set.of(Role.KI), Optional.of(SiteId.of("05974")));

    @Test
    void reportsArePublishedAfterTheyWereClaimedAndTheBatchIsConfirmedAfterKafka() {
        Activities activity = Activities.of("05974");

        IntakeSummary summary = intake.report(soest, body(Activities.array(List.of(activity))), false, false);

        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(ledger.events).containsExactly("claim " + activity.id(), "acknowledge 1");
        assertThat(publisher.published).extracting(report -> report.activityId().toString()).containsExactly(activity.id());
    }

    @Test
    void aStoreThatDoesNotAnswerIs503WithRetryAfterAndNothingIsPublished() {
        ledger.unavailable = true;

        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(5));
                });
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aStoreOutageHasTheClaimsCheckedAgainstTheTopicBeforeTheNextAnswer() {
        ledger.unavailable = true;
        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOf(ApplicationException.class);
        ledger.unavailable = false;

        intake.report(soest, body(Activities.of("05974").json()), false, false);

        assertThat(recovery.checks).isEqualTo(1);
    }

    @Test
    void aStoreThatRefusesTheWriteIs500WithoutRetryAfterAndNothingIsPublished() {
        ledger.refusing = true;

        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FAULT);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).contains("will not help");
                });
        assertThat(publisher.published).isEmpty();
        assertThat(recovery.checks).isZero();
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheBatchStaysUnconfirmed() {
        publisher.failing = true;

        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOfSatisfying(ApplicationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(ledger.events).hasSize(1).allSatisfy(event -> assertThat(event).startsWith("claim"));
    }

    @Test
    void aRepeatWithinTheBodySharesTheRejectionOfItsFirstOccurrence() {
        Activities activity = Activities.of("05974");
        ledger.claimedElsewhere.add(UUID.fromString(activity.id()));

        assertThatThrownBy(() -> intake.report(soest, body(Activities.array(List.of(activity, activity))), false, false))
                .isInstanceOfSatisfying(ApplicationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.errors()).extracting(error -> error.pointer()).containsExactly("/0/id", "/1/id");
                });
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void outcomesAreCountedPerActivityAlsoWhenTheRequestFailsButNotForADryRun() {
        intake.report(soest, body(Activities.array(List.of(Activities.of("05974"),
                Activities.of("05974").with("participants", "-3")))), false, false);
        Activities conflicting = Activities.of("05974");
        ledger.claimedElsewhere.add(UUID.fromString(conflicting.id()));
        assertThatThrownBy(() -> intake.report(soest, body(conflicting.json()), false, false))
                .isInstanceOf(ApplicationException.class);
        intake.report(soest, body(Activities.of("05974").json()), false, true);

        assertThat(counted("accepted")).isEqualTo(1);
        assertThat(counted("rejected")).isEqualTo(2);
        assertThat(counted("duplicate")).isZero();
    }

    private double counted(String outcome) {
        return meters.get("kinetz.intake.activities").tag("outcome", outcome).counter().count();
    }

    @Test
    void aDryRunWritesNothing() {
        IntakeSummary summary = intake.report(soest, body(Activities.of("05974").json()), false, true);

        assertThat(summary.valid()).isEqualTo(1);
        assertThat(ledger.events).containsExactly("find");
        assertThat(publisher.published).isEmpty();
    }

    private static IntakeBody body(String json) {
        return new BodyParser(1000).parse(json.getBytes(StandardCharsets.UTF_8), IntakeBody.Format.JSON);
    }

    /** Counts the checks of the claims against the topic instead of reading it; the first start is checked. */
    private static final class CheckedRecovery extends ClaimRecovery {

        int checks;
        private boolean suspected;

        CheckedRecovery(ActivityLedger ledger) {
            super(ledger, null, null);
        }

        @Override
        void ensureRecovered() {
            if (suspected) {
                checks++;
                suspected = false;
            }
        }

        @Override
        void suspect() {
            suspected = true;
        }
    }

    /** Remembers what was asked of it; ids in {@code claimedElsewhere} are bound to other content of the same site. */
    private static final class FakeLedger implements ActivityLedger {

        final List<String> events = new ArrayList<>();
        final Set<UUID> claimedElsewhere = new HashSet<>();
        boolean unavailable;
        boolean refusing;

        @Override
        public Claimed claim(String batch, List<Pending> reports) {
            if (unavailable) {
                throw new LedgerUnavailableException("timed out", null);
            }
            if (refusing) {
                throw new LedgerFaultException("Document with key already existed (error -1)", null);
            }
            Map<UUID, Claim> taken = new HashMap<>();
            for (Pending pending : reports) {
                UUID id = pending.report().activityId();
                events.add("claim " + id);
                if (claimedElsewhere.contains(id)) {
                    taken.put(id, new Claim(id, "other content", "earlier batch", pending.report(), null));
                }
            }
            return new Claimed(taken, Map.of());
        }

        @Override
        public Map<UUID, Claim> find(Collection<UUID> ids) {
            events.add("find");
            return Map.of();
        }

        @Override
        public Set<String> acknowledged(Collection<String> batches) {
            return Set.copyOf(batches);
        }

        @Override
        public void release(String batch, Collection<UUID> ids) {
            events.add("release " + ids.size());
        }

        @Override
        public void acknowledge(String batch, int published, Collection<UUID> republished) {
            events.add("acknowledge " + published);
        }

        @Override
        public int restore(List<Pending> reports) {
            events.add("restore " + reports.size());
            return 0;
        }

        @Override
        public Retraction noteRetraction(UUID activityId, UUID retractionId, String reason) {
            events.add("note retraction " + activityId);
            return new Retraction(retractionId, reason, false);
        }

        @Override
        public void acknowledgeRetraction(UUID activityId) {
            events.add("acknowledge retraction " + activityId);
        }
    }

    private static final class FakePublisher extends ReportPublisher {

        final List<ActivityReported> published = new ArrayList<>();
        final IntakeProperties properties;
        boolean failing;

        FakePublisher(IntakeProperties properties) {
            super(null, properties);
            this.properties = properties;
        }

        @Override
        void publishAll(List<ActivityReported> reports) {
            if (failing) {
                throw Unavailable.problem("Kafka did not acknowledge the activities.", properties.retryAfter());
            }
            published.addAll(reports);
        }
    }
}
