package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.activity.ActivityLedger.Claim;
import nrw.kinetz.intake.activity.ActivityLedger.LedgerFaultException;
import nrw.kinetz.intake.activity.domain.ActivityRules;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;

/** The order of claim, publish and confirm, with a ledger and a publisher made by hand. */
class ActivityIntakeTests {

    private final IntakeProperties properties = new IntakeProperties(null, null, null, null);
    private final FakeLedger ledger = new FakeLedger();
    private final FakePublisher publisher = new FakePublisher(properties);
    private final CheckedRecovery recovery = new CheckedRecovery(ledger);
    private final ActivityIntake intake = new ActivityIntake(new ActivityRules(Clock.systemUTC()), ledger, publisher, properties,
            recovery);
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
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                });
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aStoreOutageHasTheClaimsCheckedAgainstTheTopicBeforeTheNextAnswer() {
        ledger.unavailable = true;
        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOf(ApiProblemException.class);
        ledger.unavailable = false;

        intake.report(soest, body(Activities.of("05974").json()), false, false);

        assertThat(recovery.checks).isEqualTo(1);
    }

    @Test
    void aStoreThatRefusesTheWriteIs500WithoutRetryAfterAndNothingIsPublished() {
        ledger.refusing = true;

        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
                    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
                    assertThat(e.getMessage()).contains("will not help");
                });
        assertThat(publisher.published).isEmpty();
        assertThat(recovery.checks).isZero();
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheBatchStaysUnconfirmed() {
        publisher.failing = true;

        assertThatThrownBy(() -> intake.report(soest, body(Activities.of("05974").json()), false, false))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(ledger.events).hasSize(1).allSatisfy(event -> assertThat(event).startsWith("claim"));
    }

    @Test
    void aRepeatWithinTheBodySharesTheRejectionOfItsFirstOccurrence() {
        Activities activity = Activities.of("05974");
        ledger.claimedElsewhere.add(UUID.fromString(activity.id()));

        assertThatThrownBy(() -> intake.report(soest, body(Activities.array(List.of(activity, activity))), false, false))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.errors()).extracting(error -> error.pointer()).containsExactly("/0/id", "/1/id");
                });
        assertThat(publisher.published).isEmpty();
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

    /** Remembers what was asked of it; ids in {@code claimedElsewhere} are bound to other content. */
    private static final class FakeLedger extends ActivityLedger {

        final List<String> events = new ArrayList<>();
        final Set<UUID> claimedElsewhere = new HashSet<>();
        boolean unavailable;
        boolean refusing;

        FakeLedger() {
            super(null);
        }

        @Override
        Map<UUID, Claim> claim(String batch, List<Pending> reports) {
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
            return taken;
        }

        @Override
        Map<UUID, Claim> find(Collection<UUID> ids) {
            events.add("find");
            return Map.of();
        }

        @Override
        Set<String> acknowledged(Collection<String> batches) {
            return Set.copyOf(batches);
        }

        @Override
        void release(String batch, Collection<UUID> ids) {
            events.add("release " + ids.size());
        }

        @Override
        void acknowledge(String batch, int published, Collection<UUID> republished) {
            events.add("acknowledge " + published);
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
