package nrw.kinetz.authserver.secret;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The generated client secrets and sign-in passwords of the devstack, kept in one properties file
 * ({@value #FILE_NAME}) in the data directory, readable by its owner only and never committed.
 *
 * <p>Secrets are generated on first start and reused afterwards, so KI systems and scripts keep working
 * across restarts. An entry that is missing (a client added later) is generated and appended; entries
 * already in the file are never changed, hand edits included. An environment variable named by
 * {@link SecretName#environmentVariable()} wins over the file; the file still holds a generated value,
 * which applies again once the variable is removed.
 */
public final class SecretStore {

    public static final String FILE_NAME = "secrets.properties";

    /** 256 bits: a slow hash or lockout adds nothing to a secret no one can guess. */
    private static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String HEADER = """
            # KI-Netz devstack: OAuth2 client secrets and sign-in passwords, generated at first start.
            # Readable by its owner only; never commit or share it. Delete it to generate new ones.
            # KINETZ_SECRET_<CLIENT> / KINETZ_PASSWORD_<USER> in the environment override an entry
            # (upper case, '-' as '_', e.g. KINETZ_SECRET_KI_05974).
            """;

    private final Path file;

    private final Map<String, String> stored;

    private final Function<String, String> environment;

    private SecretStore(Path file, Map<String, String> stored, Function<String, String> environment) {
        this.file = file;
        this.stored = stored;
        this.environment = environment;
    }

    /**
     * Reads the secrets file in {@code dataDirectory}, creating directory and file (owner-only) if needed
     * and generating every secret in {@code names} that the file lacks.
     *
     * @param environment looks up an environment variable; {@code null} or blank means "not set"
     * @throws UncheckedIOException if the file cannot be read or written; the server cannot start then
     */
    public static SecretStore open(Path dataDirectory, Collection<SecretName> names,
            Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            OwnerOnlyFiles.createDirectory(dataDirectory);
            String existing = Files.exists(file) ? OwnerOnlyFiles.read(file) : "";
            Properties properties = new Properties();
            properties.load(new StringReader(existing));

            Map<String, String> stored = new LinkedHashMap<>();
            StringBuilder additions = new StringBuilder();
            for (SecretName name : new LinkedHashSet<>(names)) {
                String value = properties.getProperty(name.property());
                if (value == null || value.isBlank()) {
                    value = generate();
                    additions.append(name.property()).append('=').append(value).append('\n');
                }
                stored.put(name.property(), value.strip());
            }
            if (additions.length() > 0) {
                String start = existing.isEmpty() ? HEADER : existing.endsWith("\n") ? existing : existing + "\n";
                OwnerOnlyFiles.write(file, start + additions);
            }
            return new SecretStore(file, Map.copyOf(stored), environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets file " + file.toAbsolutePath(), e);
        }
    }

    /**
     * @return the value of the environment variable if it is set, else the value in the file
     * @throws IllegalArgumentException if the store was not opened with this name
     */
    public String secret(SecretName name) {
        String stored = this.stored.get(name.property());
        if (stored == null) {
            throw new IllegalArgumentException(name.property() + " is not one of the secrets in " + file);
        }
        String override = environment.apply(name.environmentVariable());
        return override == null || override.isBlank() ? stored : override.strip();
    }

    /** @return whether the environment overrides the file for this secret */
    public boolean isOverridden(SecretName name) {
        String override = environment.apply(name.environmentVariable());
        return override != null && !override.isBlank();
    }

    /** @return where the secrets are kept */
    public Path file() {
        return file;
    }

    /** URL-safe without padding, so a secret can go into a URL, a form body or a shell without quoting. */
    private static String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
