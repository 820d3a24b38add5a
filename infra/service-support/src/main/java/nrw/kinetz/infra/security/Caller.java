package nrw.kinetz.infra.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import nrw.kinetz.model.Role;
import nrw.kinetz.model.SiteId;

/**
 * Who is calling, as the platform's rules need it (docs/architecture.md#roles): the roles of the token and, for the
 * {@code ki} role, the one site it speaks for. Controllers take it as a method parameter.
 *
 * @param subject the token's subject (client id or user), empty for anonymous callers
 * @param roles   the known roles of the {@code roles} claim; unknown role names grant nothing
 * @param site    the {@code site} claim, if present and a valid site id
 */
public record Caller(Optional<String> subject, Set<Role> roles, Optional<SiteId> site) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller anonymous() {
        return new Caller(Optional.empty(), Set.of(), Optional.empty());
    }

    public boolean isAuthenticated() {
        return subject.isPresent();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Only the LaKI sees exact small counts (docs/architecture.md#suppression); everyone else sees them suppressed. */
    public boolean seesExactNumbers() {
        return hasRole(Role.LAKI);
    }

    /** The LaKI acts for every site; a KI only for its own. */
    public boolean mayActFor(SiteId siteId) {
        return hasRole(Role.LAKI) || (hasRole(Role.KI) && site.filter(siteId::equals).isPresent());
    }

    /** @throws AccessDeniedException (403) if this caller may not act for {@code siteId} */
    public void requireMayActFor(SiteId siteId) {
        if (!mayActFor(siteId)) {
            throw new AccessDeniedException(hasRole(Role.KI)
                    ? "a token of site " + site.map(SiteId::value).orElse("(none)") + " may not act for site " + siteId.value()
                    : "only the laki role or the site's own ki token may act for site " + siteId.value());
        }
    }
}
