package nrw.kinetz.reporting.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key: never the key itself, only its hash. It stands for the person it was issued to, with the
 * {@code laki} role, and opens the OData feed only.
 *
 * @param id        what the key is listed and revoked by; not secret
 * @param subject   the token subject of the person it was issued to
 * @param hash      SHA-256 of the key, hex
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 * @param revokedAt when its owner revoked it, if they did
 */
public record ApiKey(String id, String subject, String hash, Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** @return whether the key opens the feed at {@code now}: not revoked and not expired */
    public boolean validAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
