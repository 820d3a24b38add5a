package nrw.kinetz.reporting.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks the per-person API keys that let Excel and Power BI read the OData feed with exact numbers
 * where they cannot sign in with OAuth2 (docs/excel-power-bi.md). A key is 256 random bits, shown once when it is
 * issued; only its SHA-256 is stored — a plain hash suffices, as nobody can guess 256 random bits, unlike a
 * password. Keys expire after {@link #VALID_FOR} and their owner can revoke them at any time.
 */
public final class ApiKeyIssuer {

    /** Every key begins so, which lets secret scanners and people recognise one. */
    public static final String PREFIX = "kinetz_";
    public static final Duration VALID_FOR = Duration.ofDays(365);

    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyIssuer(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The key and what is stored of it.
     *
     * @param secret the key itself: shown to its owner once, never stored
     */
    public record Issued(ApiKey key, String secret) {
    }

    public Issued issue(String subject) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), subject, hash(secret), now, now.plus(VALID_FOR), Optional.empty());
        keys.save(key);
        return new Issued(key, secret);
    }

    /** @return the valid key {@code secret} is, or empty if it is none, expired or revoked */
    public Optional<ApiKey> check(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.findByHash(hash(secret)).filter(key -> key.validAt(now));
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
