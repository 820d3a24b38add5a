package nrw.kinetz.deployment;

import static nrw.kinetz.deployment.Repository.list;
import static nrw.kinetz.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Role;
import nrw.kinetz.model.reference.KiSites;

/**
 * The Keycloak realm that compose imports: the devstack authorization server's clients ({@code laki},
 * {@code viewer}, {@code ki-<siteId>} for every site, {@code dashboard}) and users, the platform's roles, and
 * the mappers that put {@code roles} (an array) and {@code site} at the top level of the tokens, where the
 * services read them, and the services as audience, which each service checks; short-lived access tokens. No secret is in the file: each is a placeholder Keycloak fills from the environment.
 */
class KeycloakRealmTests {

    static final String REALM_FILE = "infra/keycloak/kinetz-realm.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private static final Map<String, Object> REALM = map(Repository.yaml(REALM_FILE), "realm");

    /** The sign-in users of the devstack; ki-05974 stands for Kreis Soest's staff. */
    private static final Map<String, Role> USERS = Map.of("laki", Role.LAKI, "viewer", Role.VIEWER, "ki-05974", Role.KI);

    @Test
    void theRealmHasExactlyThePlatformsRoles() {
        Set<String> roles = new TreeSet<>();
        list(map(REALM.get("roles"), "roles").get("realm"), "realm roles").forEach(role -> roles.add(String.valueOf(map(role, "role").get("name"))));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::claimValue).toList());
    }

    @Test
    void theRealmHasEveryClientOfTheDevstack() {
        Set<String> expected = new TreeSet<>(List.of("laki", "viewer", "dashboard"));
        KiSites.all().forEach(site -> expected.add("ki-" + site.siteId().value()));
        assertThat(clients().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(57);
    }

    @Test
    void everyClientPutsTheRolesAsAnArrayAtTheTopLevelOfItsTokens() {
        clients().forEach((clientId, client) -> {
            Map<String, Object> config = mapper(client, "oidc-usermodel-realm-role-mapper")
                    .orElseThrow(() -> new AssertionError(clientId + " has no roles mapper"));
            assertThat(config).as(clientId).containsEntry("claim.name", "roles").containsEntry("multivalued", "true")
                    .containsEntry("jsonType.label", "String").containsEntry("access.token.claim", "true")
                    .containsEntry("id.token.claim", "true");
        });
    }

    @Test
    void everyKiClientPutsItsOwnSiteAtTheTopLevelOfItsAccessTokens() {
        KiSites.all().forEach(site -> {
            String clientId = "ki-" + site.siteId().value();
            assertThat(clients()).containsKey(clientId);
            Map<String, Object> config = mapper(clients().get(clientId), "oidc-hardcoded-claim-mapper")
                    .orElseThrow(() -> new AssertionError(clientId + " has no site mapper"));
            assertThat(config).as(clientId).containsEntry("claim.name", "site")
                    .containsEntry("claim.value", site.siteId().value()).containsEntry("jsonType.label", "String")
                    .containsEntry("access.token.claim", "true");
        });
        for (String other : List.of("laki", "viewer")) {
            assertThat(mapper(clients().get(other), "oidc-hardcoded-claim-mapper")).as(other).isEmpty();
        }
    }

    @Test
    void everyClientCredentialsClientSpeaksWithItsOneRole() {
        Map<String, Map<String, Object>> serviceAccounts = new LinkedHashMap<>();
        users().forEach(user -> {
            if (user.containsKey("serviceAccountClientId")) {
                serviceAccounts.put(String.valueOf(user.get("serviceAccountClientId")), user);
            }
        });
        clients().forEach((clientId, client) -> {
            if (clientId.equals("dashboard")) {
                assertThat(client.get("serviceAccountsEnabled")).isEqualTo(false);
                return;
            }
            assertThat(client).as(clientId).containsEntry("serviceAccountsEnabled", true).containsEntry("publicClient", false)
                    .containsEntry("standardFlowEnabled", false).containsEntry("directAccessGrantsEnabled", false);
            String role = clientId.startsWith("ki-") ? Role.KI.claimValue() : clientId;
            assertThat(serviceAccounts).as("service account of " + clientId).containsKey(clientId);
            assertThat(list(serviceAccounts.get(clientId).get("realmRoles"), "realmRoles")).as(clientId).containsExactly(role);
        });
    }

    @Test
    void theDashboardSignsPeopleInWithTheAuthorizationCodeAndPkceAndTellsTheirSite() {
        Repository.Service reporting = Repository.services().stream().filter(s -> s.name().equals("reporting")).findFirst().orElseThrow();
        String clientId = reporting.properties().getProperty("spring.security.oauth2.client.registration.dashboard.client-id");
        Map<String, Object> dashboard = clients().get(clientId);
        assertThat(dashboard).containsEntry("standardFlowEnabled", true).containsEntry("publicClient", false)
                .containsEntry("implicitFlowEnabled", false);
        assertThat(map(dashboard.get("attributes"), "attributes")).containsEntry("pkce.code.challenge.method", "S256");
        // Where reporting's registration sends people back, with the dashboard's address from the environment.
        String redirect = reporting.properties().getProperty("spring.security.oauth2.client.registration.dashboard.redirect-uri")
                .replace("{baseUrl}", "${KINETZ_DASHBOARD_URL}").replace("{registrationId}", "dashboard");
        assertThat(list(dashboard.get("redirectUris"), "redirectUris")).containsExactly(redirect);
        assertThat(mapper(dashboard, "oidc-usermodel-attribute-mapper")).get().satisfies(config -> assertThat(config)
                .containsEntry("claim.name", "site").containsEntry("user.attribute", "site")
                .containsEntry("id.token.claim", "true").containsEntry("access.token.claim", "true"));
        assertThat(String.valueOf(REALM.get("components"))).contains("\"name\":\"site\"");
    }

    @Test
    void everyClientCredentialsClientsAccessTokensNameEveryServiceAsAudienceAndTheDashboardsReporting() {
        Set<String> services = serviceAudiences();
        assertThat(services).containsExactlyInAnyOrder("activity-intake", "event-catalog", "program-tracking", "reporting",
                "site-registry");
        clients().forEach((clientId, client) -> {
            Set<String> expected = clientId.equals("dashboard") ? Set.of("reporting") : services;
            assertThat(audiences(client)).as(clientId).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void theDevstacksAuthorizationServerNamesTheSameServicesAsAudience() {
        String properties = Repository.read(Repository.ROOT.resolve(
                "infra/auth-server/src/main/java/nrw/kinetz/authserver/AuthServerProperties.java"));
        Matcher defaults = Pattern.compile("@DefaultValue\\(\\{([^}]*)}\\)\\s*List<String> audiences")
                .matcher(properties);
        assertThat(defaults.find()).as("the audiences' default in AuthServerProperties").isTrue();
        Set<String> named = new TreeSet<>();
        for (String value : defaults.group(1).split(",")) {
            named.add(value.strip().replace("\"", ""));
        }
        assertThat(named).isEqualTo(serviceAudiences());
    }

    @Test
    void accessTokensLiveTenMinutesAndASignedInSessionEightHoursAtMost() {
        assertThat(((Number) REALM.get("accessTokenLifespan")).intValue()).isEqualTo(600);
        assertThat(((Number) REALM.get("ssoSessionMaxLifespan")).intValue()).isEqualTo(8 * 3600);
        assertThat(map(clients().get("dashboard").get("attributes"), "attributes"))
                .containsEntry("client.session.max.lifespan", String.valueOf(8 * 3600));
    }

    @Test
    void theSignInUsersHaveTheirRoleAndTheKiUserItsSite() {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        users().forEach(user -> byName.put(String.valueOf(user.get("username")), user));
        USERS.forEach((username, role) -> {
            Map<String, Object> user = byName.get(username);
            assertThat(user).as(username).isNotNull();
            assertThat(list(user.get("realmRoles"), "realmRoles")).as(username).containsExactly(role.claimValue());
        });
        assertThat(map(byName.get("ki-05974").get("attributes"), "attributes")).containsEntry("site", List.of("05974"));
    }

    @Test
    void noSecretIsCommittedEachIsAPlaceholderTheEnvExampleNames() {
        clients().forEach((clientId, client) -> assertThat(client.get("secret")).as(clientId)
                .isEqualTo("${KINETZ_SECRET_" + variable(clientId) + "}"));
        users().stream().filter(user -> !user.containsKey("serviceAccountClientId")).forEach(user -> {
            Map<String, Object> credential = map(list(user.get("credentials"), "credentials").get(0), "credential");
            assertThat(credential.get("value")).as(String.valueOf(user.get("username")))
                    .isEqualTo("${KINETZ_PASSWORD_" + variable(String.valueOf(user.get("username"))) + "}");
        });
        Set<String> placeholders = Repository.variablesIn(Repository.read(Repository.ROOT.resolve(REALM_FILE)), PLACEHOLDER);
        assertThat(Repository.envExample().keySet()).containsAll(placeholders);
        assertThat(placeholders).hasSize(57 + USERS.size() + 1);
    }

    /**
     * What each service accepts as audience: Boot's {@code spring.security.oauth2.resourceserver.jwt.audiences}, which
     * the platform's defaults set to the service's {@code spring.application.name} and no service overrides.
     */
    private static Set<String> serviceAudiences() {
        Properties defaults = new Properties();
        try {
            defaults.load(new StringReader(Repository.read(Repository.ROOT.resolve(
                    "infra/service-support/src/main/resources/kinetz-defaults.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = "spring.security.oauth2.resourceserver.jwt.audiences";
        assertThat(defaults.getProperty(key)).isEqualTo("${spring.application.name}");
        Set<String> audiences = new TreeSet<>();
        for (Repository.Service service : Repository.services()) {
            assertThat(service.properties().getProperty(key)).as(service.name() + " keeps the default audience").isNull();
            audiences.add(service.applicationName());
        }
        return audiences;
    }

    private static Set<String> audiences(Map<String, Object> client) {
        Set<String> audiences = new TreeSet<>();
        list(client.get("protocolMappers"), "protocolMappers").stream().map(m -> map(m, "mapper"))
                .filter(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")))
                .map(m -> map(m.get("config"), "config"))
                .forEach(config -> {
                    assertThat(config).containsEntry("access.token.claim", "true");
                    audiences.add(String.valueOf(config.get("included.custom.audience")));
                });
        return audiences;
    }

    /** As the devstack names the variables that override its secrets: {@code ki-05974} → {@code KI_05974}. */
    private static String variable(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<String, Map<String, Object>> clients() {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        list(REALM.get("clients"), "clients").forEach(client -> {
            Map<String, Object> c = map(client, "client");
            clients.put(String.valueOf(c.get("clientId")), c);
        });
        return clients;
    }

    private static List<Map<String, Object>> users() {
        return list(REALM.get("users"), "users").stream().map(user -> map(user, "user")).toList();
    }

    private static Optional<Map<String, Object>> mapper(Map<String, Object> client, String type) {
        Object mappers = client.get("protocolMappers");
        if (mappers == null) {
            return Optional.empty();
        }
        return list(mappers, "protocolMappers").stream().map(m -> map(m, "mapper"))
                .filter(m -> type.equals(m.get("protocolMapper"))).findFirst().map(m -> map(m.get("config"), "config"));
    }
}
