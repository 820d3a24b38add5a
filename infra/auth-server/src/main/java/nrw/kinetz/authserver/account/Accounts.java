package nrw.kinetz.authserver.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.authserver.secret.SecretName;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.reference.KiSites;

/**
 * Everyone the devstack issues tokens to (docs/architecture.md#roles): the clients {@code laki}, {@code viewer} and
 * {@code ki-<siteId>} for all 54 sites (client credentials), the {@code dashboard} client that signs people
 * in, and one sign-in user per role. Clients and users live in separate name spaces, so the user
 * {@code laki} and the client {@code laki} are two accounts with the same role.
 */
final class Accounts {

    static final String DASHBOARD_CLIENT_ID = "dashboard";

    /** The service that runs the dashboard and signs people in with its client. */
    static final String DASHBOARD_SERVICE = "reporting";

    /** The KI whose staff the sample {@code ki} user stands for: Kreis Soest, the example used across the docs. */
    static final SiteId SIGN_IN_SITE = SiteId.of("05974");

    private final Map<String, Account> clients;

    private final Map<String, Account> users;

    private Accounts(List<Account> clients, List<Account> users) {
        this.clients = byName(clients);
        this.users = byName(users);
    }

    static Accounts devstack() {
        List<Account> clients = new ArrayList<>(List.of(Account.laki(), Account.viewer()));
        KiSites.all().forEach(site -> clients.add(Account.ki(site.siteId())));
        return new Accounts(clients, List.of(Account.laki(), Account.viewer(), Account.ki(SIGN_IN_SITE)));
    }

    /** @return the client-credentials clients, in a stable order */
    List<Account> clients() {
        return List.copyOf(clients.values());
    }

    /** @return the sign-in users, in a stable order */
    List<Account> users() {
        return List.copyOf(users.values());
    }

    Optional<Account> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    Optional<Account> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** @return every secret the accounts need: client secrets (the dashboard's included), then passwords */
    List<SecretName> secretNames() {
        List<SecretName> names = new ArrayList<>();
        clients.keySet().forEach(clientId -> names.add(SecretName.clientSecret(clientId)));
        names.add(SecretName.clientSecret(DASHBOARD_CLIENT_ID));
        users.keySet().forEach(username -> names.add(SecretName.userPassword(username)));
        return names;
    }

    private static Map<String, Account> byName(List<Account> accounts) {
        Map<String, Account> byName = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (byName.put(account.name(), account) != null) {
                throw new IllegalStateException("account " + account.name() + " is listed twice");
            }
        }
        return byName;
    }
}
