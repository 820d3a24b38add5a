package nrw.kinetz.authserver.secret;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the secrets file and the environment variable that overrides it.
 *
 * @param property            the key in {@value SecretStore#FILE_NAME}, e.g. {@code client.ki-05974.secret}
 * @param environmentVariable the variable whose value wins over the file, e.g. {@code KINETZ_SECRET_KI_05974}
 */
public record SecretName(String property, String environmentVariable) {

    public SecretName {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(environmentVariable, "environmentVariable");
    }

    /** The secret of an OAuth2 client: {@code client.<id>.secret}, overridden by {@code KINETZ_SECRET_<ID>}. */
    public static SecretName clientSecret(String clientId) {
        return new SecretName("client." + clientId + ".secret", "KINETZ_SECRET_" + variableSuffix(clientId));
    }

    /** The password of a sign-in user: {@code user.<name>.password}, overridden by {@code KINETZ_PASSWORD_<NAME>}. */
    public static SecretName userPassword(String username) {
        return new SecretName("user." + username + ".password", "KINETZ_PASSWORD_" + variableSuffix(username));
    }

    /** Shells allow only letters, digits and underscores in variable names: {@code ki-05974} → {@code KI_05974}. */
    private static String variableSuffix(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
