package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The client secrets and sign-in passwords the authorization server generated at its first start
 * ({@code <data>/auth/secrets.properties}, owner-only, never committed), read by the same rule as the server:
 * {@code KINETZ_SECRET_<CLIENT>} / {@code KINETZ_PASSWORD_<USER>} in the environment win over the file.
 */
final class DevstackSecrets {

    private static final String USER_PREFIX = "user.";
    private static final String PASSWORD_SUFFIX = ".password";

    private final Path file;
    private final Function<String, String> environment;

    DevstackSecrets(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    static DevstackSecrets of(DevstackLayout layout) {
        return new DevstackSecrets(layout.secretsFile(), System::getenv);
    }

    /** @throws IllegalStateException with a message for people if the file or the client is missing */
    String clientSecret(String clientId) {
        String override = environment.apply("KINETZ_SECRET_" + variableSuffix(clientId));
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        String secret = read().getProperty("client." + clientId + ".secret");
        if (secret == null) {
            throw new IllegalStateException("no client '" + clientId + "' in " + file
                    + " — clients are laki, viewer, ki-<siteId> and dashboard");
        }
        return secret.strip();
    }

    /** @return every sign-in user with the password that works for them, by name */
    Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        new TreeMap<>(read()).forEach((key, value) -> {
            String property = String.valueOf(key);
            if (property.startsWith(USER_PREFIX) && property.endsWith(PASSWORD_SUFFIX)) {
                String user = property.substring(USER_PREFIX.length(), property.length() - PASSWORD_SUFFIX.length());
                String override = environment.apply("KINETZ_PASSWORD_" + variableSuffix(user));
                users.put(user, override != null && !override.isBlank() ? override.strip() : String.valueOf(value).strip());
            }
        });
        return users;
    }

    private Properties read() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no secrets in " + file + " — start the devstack first (./kinetz up)");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    /** As the authorization server names them: {@code ki-05974} → {@code KI_05974}. */
    private static String variableSuffix(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
