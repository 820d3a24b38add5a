package nrw.kinetz.authserver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server, {@code kinetz.auth.*}.
 *
 * @param issuer        the {@code iss} of every token and the base of the discovery document; it must be
 *                      exactly the {@code issuer-uri} the services are configured with. Blank derives it
 *                      from the host and port of each request.
 * @param dataDir       where the generated client secrets, sign-in passwords and the signing key are kept;
 *                      relative paths start at the working directory
 * @param tokenLifetime how long an access token is valid (10 minutes: a token that leaks is of use for a short while
 *                      only; the clients fetch a new one when it has expired)
 * @param dashboardUrl  where the dashboard (the reporting service) runs, for its sign-in redirect
 * @param audiences     the {@code aud} of every access token: the services the platform's clients call, each of which
 *                      accepts only tokens that name it (its {@code spring.application.name})
 */
@ConfigurationProperties("kinetz.auth")
public record AuthServerProperties(
        @DefaultValue("http://127.0.0.1:9000") String issuer,
        @DefaultValue(".devstack/auth") Path dataDir,
        @DefaultValue("10m") Duration tokenLifetime,
        @DefaultValue("http://localhost:8080") URI dashboardUrl,
        @DefaultValue({"activity-intake", "event-catalog", "program-tracking", "reporting", "site-registry"})
        List<String> audiences) {

    /** @return the configured issuer, or {@code null} when it is to be derived from the request */
    public String fixedIssuer() {
        return issuer == null || issuer.isBlank() ? null : issuer.strip();
    }
}
