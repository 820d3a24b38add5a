package nrw.kinetz.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final CountingDecoder decoder = new CountingDecoder();
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(decoder, clock, 3);

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemoryUntilItExpires() {
        Jwt first = tokens.decode("good-600");
        Jwt again = tokens.decode("good-600");

        assertThat(again).isSameAs(first);
        assertThat(decoder.calls).containsExactly("good-600");
    }

    @Test
    void pastItsExpiryATokenGoesToTheDecoderAgainWhichDecides() {
        tokens.decode("good-600");
        clock.now = NOW.plusSeconds(600);

        assertThatThrownBy(() -> tokens.decode("good-600")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.calls).containsExactly("good-600", "good-600");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(decoder.calls).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void atCapacityTheMemoryIsEmptiedAndFillsAgain() {
        tokens.decode("good-600-a");
        tokens.decode("good-600-b");
        tokens.decode("good-600-c");
        tokens.decode("good-600-d");

        assertThat(tokens.size()).isEqualTo(1);
        tokens.decode("good-600-a");
        assertThat(decoder.calls).hasSize(5);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokens(decoder, clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Accepts tokens named {@code good-<seconds valid>…} while unexpired by the clock, refuses everything else. */
    private final class CountingDecoder implements JwtDecoder {

        final List<String> calls = new ArrayList<>();

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            if (!token.startsWith("good-")) {
                throw new BadJwtException("bad signature");
            }
            long seconds = Long.parseLong(token.split("-")[1]);
            Instant expiry = NOW.plusSeconds(seconds);
            if (!clock.instant().isBefore(expiry)) {
                throw new BadJwtException("expired");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("ki-05974").issuedAt(NOW).expiresAt(expiry).build();
        }
    }

    private static final class MovableClock extends Clock {

        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
