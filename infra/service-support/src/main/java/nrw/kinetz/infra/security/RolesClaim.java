package nrw.kinetz.infra.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import nrw.kinetz.model.Role;

/**
 * The {@code roles} claim (an array of strings, docs/architecture.md#roles) read the same way wherever it comes from: an
 * access token, or the ID token / user info of a person signed in to a page.
 */
final class RolesClaim {

    static final String AUTHORITY_PREFIX = "ROLE_";

    private RolesClaim() {
    }

    /** @return the claim's entries; empty if the claim is missing or not an array */
    static List<String> names(Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof Collection<?> entries) {
            entries.forEach(entry -> names.add(String.valueOf(entry)));
        }
        return names;
    }

    /** @return the platform's roles among the claim's entries; names of other applications grant nothing */
    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names(claim).forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        return roles;
    }

    /** @return {@code ROLE_<entry>} per entry, as the access-token converter maps them, for {@code hasRole(…)} */
    static List<GrantedAuthority> authorities(Object claim) {
        return names(claim).stream().<GrantedAuthority>map(name -> new SimpleGrantedAuthority(AUTHORITY_PREFIX + name)).toList();
    }
}
