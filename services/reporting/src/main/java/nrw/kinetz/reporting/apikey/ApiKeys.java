package nrw.kinetz.reporting.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the API keys' hashes are kept. */
public interface ApiKeys {

    void save(ApiKey key);

    Optional<ApiKey> findByHash(String hash);

    /** @return the keys issued to {@code subject}, the newest first, revoked ones included */
    List<ApiKey> issuedTo(String subject);

    /** @return whether {@code subject} had a key {@code id} that was not revoked yet */
    boolean revoke(String subject, String id, Instant at);
}
