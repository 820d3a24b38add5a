package nrw.kinetz.intake.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IntakeClientTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterInSeconds() {
        assertThat(IntakeClient.retryAfter(Optional.of("17"), CLOCK)).contains(Duration.ofSeconds(17));
        assertThat(IntakeClient.retryAfter(Optional.of(" 0 "), CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        assertThat(IntakeClient.retryAfter(Optional.of("Fri, 04 Dec 2026 20:01:30 GMT"), CLOCK)).contains(Duration.ofSeconds(90));
        assertThat(IntakeClient.retryAfter(Optional.of("Fri, 04 Dec 2026 19:59:00 GMT"), CLOCK)).as("already past")
                .contains(Duration.ZERO);
    }

    @Test
    void retryAfterIsAtMostFiveMinutes() {
        assertThat(IntakeClient.retryAfter(Optional.of("86400"), CLOCK)).contains(Duration.ofMinutes(5));
        assertThat(IntakeClient.retryAfter(Optional.of("99999999999999999999999"), CLOCK)).contains(Duration.ofMinutes(5));
        assertThat(IntakeClient.retryAfter(Optional.of("Sat, 05 Dec 2026 20:00:00 GMT"), CLOCK)).contains(Duration.ofMinutes(5));
    }

    @Test
    void anAbsentOrUnreadableRetryAfterLeavesTheWaitToTheBackoff() {
        assertThat(IntakeClient.retryAfter(Optional.empty(), CLOCK)).isEmpty();
        assertThat(IntakeClient.retryAfter(Optional.of("soon"), CLOCK)).isEmpty();
        assertThat(IntakeClient.retryAfter(Optional.of("-5"), CLOCK)).isEmpty();
    }

    @Test
    void jitterNeverShortensAWaitAndAddsAtMostHalfOfIt() {
        assertThat(IntakeClient.jittered(Duration.ofSeconds(8), 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(IntakeClient.jittered(Duration.ofSeconds(8), 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(IntakeClient.jittered(Duration.ofSeconds(8), 0.999)).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void backoffDoublesUpToAMinute() {
        assertThat(IntakeClient.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IntakeClient.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(IntakeClient.backoff(20)).isEqualTo(Duration.ofSeconds(60));
    }
}
