package nrw.kinetz.reporting.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyIssuerTests {

    private final InMemoryApiKeys keys = new InMemoryApiKeys();
    private final Instant issuedAt = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void storesOnlyTheHashOfAKeyShownOnce() {
        ApiKeyIssuer.Issued issued = new ApiKeyIssuer(keys, at(issuedAt)).issue("anna");

        assertThat(issued.secret()).startsWith(ApiKeyIssuer.PREFIX).hasSizeGreaterThan(40);
        assertThat(keys.saved).singleElement().satisfies(key -> {
            assertThat(key.hash()).isEqualTo(ApiKeyIssuer.hash(issued.secret())).doesNotContain(issued.secret());
            assertThat(key.subject()).isEqualTo("anna");
            assertThat(key.expiresAt()).isEqualTo(issuedAt.plus(ApiKeyIssuer.VALID_FOR));
        });
    }

    @Test
    void aKeyIsValidUntilItExpiresOrIsRevoked() {
        String secret = new ApiKeyIssuer(keys, at(issuedAt)).issue("anna").secret();

        assertThat(new ApiKeyIssuer(keys, at(issuedAt.plus(Duration.ofDays(364)))).check(secret)).isPresent();
        assertThat(new ApiKeyIssuer(keys, at(issuedAt.plus(ApiKeyIssuer.VALID_FOR))).check(secret)).isEmpty();
        keys.revoke("anna", keys.saved.get(0).id(), issuedAt.plusSeconds(60));
        assertThat(new ApiKeyIssuer(keys, at(issuedAt.plusSeconds(120))).check(secret)).isEmpty();
    }

    @Test
    void anUnknownOrMalformedKeyIsNoKey() {
        ApiKeyIssuer issuer = new ApiKeyIssuer(keys, at(issuedAt));
        issuer.issue("anna");

        assertThat(issuer.check("kinetz_guessed")).isEmpty();
        assertThat(issuer.check("")).isEmpty();
        assertThat(issuer.check(null)).isEmpty();
    }

    @Test
    void onlyItsOwnerRevokesAKey() {
        ApiKeyIssuer.Issued issued = new ApiKeyIssuer(keys, at(issuedAt)).issue("anna");

        assertThat(keys.revoke("ben", issued.key().id(), issuedAt)).isFalse();
        assertThat(keys.revoke("anna", issued.key().id(), issuedAt)).isTrue();
        assertThat(keys.revoke("anna", issued.key().id(), issuedAt)).as("already revoked").isFalse();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Keeps the keys in a list, with the store's contract. */
    private static final class InMemoryApiKeys implements ApiKeys {

        final List<ApiKey> saved = new ArrayList<>();

        @Override
        public void save(ApiKey key) {
            saved.add(key);
        }

        @Override
        public Optional<ApiKey> findByHash(String hash) {
            return saved.stream().filter(k -> k.hash().equals(hash)).findFirst();
        }

        @Override
        public List<ApiKey> issuedTo(String subject) {
            return saved.stream().filter(k -> k.subject().equals(subject)).toList();
        }

        @Override
        public boolean revoke(String subject, String id, Instant at) {
            for (int i = 0; i < saved.size(); i++) {
                ApiKey key = saved.get(i);
                if (key.id().equals(id) && key.subject().equals(subject) && key.revokedAt().isEmpty()) {
                    saved.set(i, new ApiKey(key.id(), key.subject(), key.hash(), key.createdAt(), key.expiresAt(), Optional.of(at)));
                    return true;
                }
            }
            return false;
        }
    }
}
