package nrw.kinetz.infra.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens its decoder has accepted, until they expire, so that a client sending the same bearer
 * token with every request pays for the signature check (an RSA verification, Base64 and JSON parsing) once
 * per token instead of once per request. A token is only ever answered from memory while it is unexpired by its
 * own {@code exp}; past that it goes to the decoder again, whose validators decide as they would without this.
 * What the decoder refuses is never remembered. A signed token cannot change, so remembering it loses nothing:
 * a JWT is not revocable before its expiry with or without this.
 *
 * <p>Bounded: when {@code capacity} tokens are remembered, the memory is emptied and fills again — simple, and
 * at worst one verification per token and request as before.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder decoder, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = accepted.get(token);
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (accepted.size() >= capacity) {
                accepted.clear();
            }
            accepted.put(token, jwt);
        } else if (known != null) {
            accepted.remove(token);
        }
        return jwt;
    }

    /** @return the number of tokens remembered now */
    int size() {
        return accepted.size();
    }
}
