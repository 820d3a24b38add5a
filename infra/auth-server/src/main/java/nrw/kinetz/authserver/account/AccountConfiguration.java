package nrw.kinetz.authserver.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import nrw.kinetz.authserver.AuthServerProperties;
import nrw.kinetz.authserver.secret.SecretName;
import nrw.kinetz.authserver.secret.SecretStore;
import nrw.kinetz.model.Role;
import nrw.kinetz.model.reference.KiSites;

/**
 * The registered clients and sign-in users of the devstack, with their secrets from the {@link SecretStore}.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** A person signed in to the dashboard stays signed in for a working day without signing in again. */
    private static final Duration DASHBOARD_SESSION = Duration.ofHours(8);

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

    @Bean
    Accounts accounts() {
        return Accounts.devstack();
    }

    /**
     * Overrides are looked up in Spring's environment: it holds the process environment, and a system
     * property or command-line argument of the same name works as well.
     */
    @Bean
    SecretStore secretStore(AuthServerProperties properties, Accounts accounts, Environment environment) {
        SecretStore store = SecretStore.open(properties.dataDir(), accounts.secretNames(), environment::getProperty);
        long overridden = accounts.secretNames().stream().filter(store::isOverridden).count();
        log.info("Client secrets and sign-in passwords are in {} ({} overridden by the environment)",
                store.file().toAbsolutePath(), overridden);
        return store;
    }

    /**
     * Every secret here is 256 random bits (unless overridden), so a slow hash would protect nothing and
     * only cost start-up time (57 clients) and every token request. PBKDF2 with few iterations keeps the
     * plain secrets out of the in-memory registry and compares in constant time.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Pbkdf2PasswordEncoder("", 16, 1_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(Accounts accounts, SecretStore secrets,
            PasswordEncoder passwordEncoder, AuthServerProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        for (Account account : accounts.clients()) {
            clients.add(RegisteredClient.withId(account.name())
                    .clientId(account.name())
                    .clientName(clientName(account))
                    .clientSecret(passwordEncoder.encode(secrets.secret(SecretName.clientSecret(account.name()))))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        clients.add(dashboard(secrets, passwordEncoder, properties));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The reporting service signs people in as a backend-for-frontend: a confidential client using the
     * authorization code with PKCE. It is first-party, so nobody is asked to consent.
     */
    private static RegisteredClient dashboard(SecretStore secrets, PasswordEncoder passwordEncoder,
            AuthServerProperties properties) {
        String dashboard = properties.dashboardUrl().toString().replaceAll("/+$", "");
        return RegisteredClient.withId(Accounts.DASHBOARD_CLIENT_ID)
                .clientId(Accounts.DASHBOARD_CLIENT_ID)
                .clientName("KI-Netz Dashboard")
                .clientSecret(passwordEncoder.encode(secrets.secret(SecretName.clientSecret(Accounts.DASHBOARD_CLIENT_ID))))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(dashboard + "/login/oauth2/code/" + Accounts.DASHBOARD_CLIENT_ID)
                .postLogoutRedirectUri(dashboard + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenLifetime())
                        .refreshTokenTimeToLive(DASHBOARD_SESSION)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, SecretStore secrets, PasswordEncoder passwordEncoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Account account : accounts.users()) {
            users.add(User.withUsername(account.name())
                    .password(passwordEncoder.encode(secrets.secret(SecretName.userPassword(account.name()))))
                    .roles(account.role().claimValue())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaimCustomizer(Accounts accounts, AuthServerProperties properties) {
        return new RolesClaimCustomizer(accounts, properties.audiences());
    }

    private static String clientName(Account account) {
        return account.role() == Role.KI ? "KI " + KiSites.get(account.site()).name() : account.role().label();
    }
}
