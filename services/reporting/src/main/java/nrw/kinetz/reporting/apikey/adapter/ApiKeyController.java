package nrw.kinetz.reporting.apikey.adapter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.EndpointRoles;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.reporting.apikey.ApiKeyIssuer;

/**
 * {@code /api/v1/api-keys}: a LaKI person's API keys for the OData feed (docs/excel-power-bi.md) — issue one, list
 * one's own, revoke one. Only the {@code laki} role gets keys: a key shows exact numbers, which nobody else sees.
 */
@RestController
class ApiKeyController {

    @Configuration(proxyBeanMethods = false)
    static class Roles {

        @Bean
        EndpointRoles apiKeysAreTheLakis() {
            return requests -> requests.requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**").hasRole("laki");
        }
    }

    /**
     * @param key the key itself, shown only in this answer
     * @param use how to present it
     */
    record IssuedKey(String id, String key, Instant createdAt, Instant expiresAt, String use) {
    }

    record ListedKey(String id, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean valid) {
    }

    private final ApiKeyIssuer issuer;
    private final MongoApiKeys keys;
    private final Clock clock;

    ApiKeyController(ApiKeyIssuer issuer, MongoApiKeys keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('laki')")
    @Operation(summary = "Issue an API key for the OData feed (laki only)",
            description = "The key is in this answer only; the service keeps its SHA-256. It opens /odata/v4/ with exact numbers "
                    + "as HTTP Basic password (any user name) or as query parameter api-key, for 365 days or until revoked.")
    IssuedKey issue(Caller caller) {
        ApiKeyIssuer.Issued issued = issuer.issue(caller.subject().orElseThrow());
        return new IssuedKey(issued.key().id(), issued.secret(), issued.key().createdAt(), issued.key().expiresAt(),
                "HTTP Basic on /odata/v4/: any user name, the key as password (Excel, Power BI: \"Standard\"/\"Basic\")");
    }

    @GetMapping(path = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('laki')")
    @Operation(summary = "The caller's own API keys, without the keys themselves (laki only)")
    List<ListedKey> list(Caller caller) {
        Instant now = clock.instant();
        return keys.issuedTo(caller.subject().orElseThrow()).stream()
                .map(k -> new ListedKey(k.id(), k.createdAt(), k.expiresAt(), k.revokedAt().orElse(null), k.validAt(now))).toList();
    }

    @DeleteMapping(path = "/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('laki')")
    @Operation(summary = "Revoke one of the caller's API keys (laki only); 404 if the caller has no such valid key")
    void revoke(@PathVariable String id, Caller caller) {
        if (!keys.revoke(caller.subject().orElseThrow(), id, clock.instant())) {
            throw ApiProblemException.notFound("You have no API key " + id + " that is not revoked yet.");
        }
    }
}
