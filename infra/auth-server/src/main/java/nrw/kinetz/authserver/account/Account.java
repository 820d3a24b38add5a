package nrw.kinetz.authserver.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;

/**
 * Whom a token speaks for: a client (a KI system, the LaKI's scripts) or a person signed in.
 *
 * @param name the client id or user name, the token's {@code sub}
 * @param role the one role the account has
 * @param site the KI site a {@code ki} account acts for; {@code null} for every other role
 */
record Account(String name, Role role, SiteId site) {

    Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if ((role == Role.KI) != (site != null)) {
            throw new IllegalArgumentException("account " + name + ": a site belongs to the ki role and only to it");
        }
    }

    static Account laki() {
        return new Account("laki", Role.LAKI, null);
    }

    static Account viewer() {
        return new Account("viewer", Role.VIEWER, null);
    }

    /** The account of one KI, named {@code ki-<siteId>}. */
    static Account ki(SiteId site) {
        return new Account("ki-" + site.value(), Role.KI, site);
    }

    /** @return the value of the {@code roles} claim */
    List<String> rolesClaim() {
        return List.of(role.claimValue());
    }

    /** @return the value of the {@code site} claim, present for the ki role only */
    Optional<String> siteClaim() {
        return Optional.ofNullable(site).map(SiteId::value);
    }
}
