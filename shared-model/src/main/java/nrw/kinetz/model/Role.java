package nrw.kinetz.model;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The roles a token can carry in its {@code roles} claim (docs/architecture.md#roles). Their codes are lower case, as in
 * the claim, and that is also their JSON form.
 */
public enum Role {

    /** The coordination office: everything, with exact numbers. */
    LAKI("laki", "Landesweite Koordinierungsstelle"),
    /** One KI: its own site only; the {@code site} claim says which. */
    KI("ki", "Kommunales Integrationszentrum"),
    /** Read-only with small counts suppressed, the same as no token on public read endpoints. */
    VIEWER("viewer", "Lesezugriff");

    private final String claimValue;
    private final String label;

    Role(String claimValue, String label) {
        this.claimValue = claimValue;
        this.label = label;
    }

    /** @return the value as it appears in the {@code roles} claim, e.g. {@code laki} */
    @JsonValue
    public String claimValue() {
        return claimValue;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /**
     * Reads one entry of a token's {@code roles} claim. Only the exact claim value counts: a token may
     * carry roles of other applications, which must be ignored rather than rejected, and a differently
     * spelled role must not grant anything by accident.
     *
     * @return the role, or empty if the claim value is not one of ours
     */
    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claimValue.equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * For configuration and input written by people, where an unknown role is a mistake to report.
     *
     * @param code the code ({@code laki} or {@code LAKI}), surrounding blanks tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static Role parse(String code) {
        if (code != null) {
            Optional<Role> role = fromClaim(code.strip().toLowerCase(Locale.ROOT));
            if (role.isPresent()) {
                return role.get();
            }
        }
        String problem = code == null || code.isBlank() ? "a role is required"
                : InvalidValueException.quote(code) + " is not a role";
        throw new InvalidValueException(problem + "; allowed: laki, ki, viewer", code);
    }
}
