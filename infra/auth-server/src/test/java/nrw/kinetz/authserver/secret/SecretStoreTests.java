package nrw.kinetz.authserver.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTests {

    private static final SecretName LAKI = SecretName.clientSecret("laki");
    private static final SecretName KI_SOEST = SecretName.clientSecret("ki-05974");
    private static final SecretName LAKI_USER = SecretName.userPassword("laki");
    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    @TempDir
    Path temp;

    @Test
    void firstOpenGeneratesUrlSafeSecretsIntoAnOwnerOnlyFileInAnOwnerOnlyDirectory() throws IOException {
        Path dataDir = temp.resolve(".devstack/auth");

        SecretStore store = SecretStore.open(dataDir, List.of(LAKI, KI_SOEST, LAKI_USER), NO_ENVIRONMENT);

        assertThat(store.file()).isEqualTo(dataDir.resolve("secrets.properties")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(List.of(store.secret(LAKI), store.secret(KI_SOEST), store.secret(LAKI_USER)))
                .doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat(secret).matches("[A-Za-z0-9_-]{43}"));
        assertThat(load(store.file())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "client.laki.secret", store.secret(LAKI),
                "client.ki-05974.secret", store.secret(KI_SOEST),
                "user.laki.password", store.secret(LAKI_USER)));
    }

    @Test
    void aSecondOpenReusesTheSecretsAndLeavesTheFileAlone() throws IOException {
        SecretStore first = SecretStore.open(temp, List.of(LAKI, KI_SOEST), NO_ENVIRONMENT);
        String content = Files.readString(first.file());
        var modified = Files.getLastModifiedTime(first.file());

        SecretStore second = SecretStore.open(temp, List.of(LAKI, KI_SOEST), NO_ENVIRONMENT);

        assertThat(second.secret(LAKI)).isEqualTo(first.secret(LAKI));
        assertThat(second.secret(KI_SOEST)).isEqualTo(first.secret(KI_SOEST));
        assertThat(Files.readString(second.file())).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(second.file())).isEqualTo(modified);
    }

    @Test
    void aSecretTheFileLacksIsAppendedAndHandEditedEntriesStayAsTheyAre() throws IOException {
        Files.writeString(temp.resolve("secrets.properties"), "# mine\nclient.laki.secret = chosen-by-hand\n");

        SecretStore store = SecretStore.open(temp, List.of(LAKI, KI_SOEST), NO_ENVIRONMENT);

        assertThat(store.secret(LAKI)).isEqualTo("chosen-by-hand");
        assertThat(Files.readString(store.file()))
                .startsWith("# mine\nclient.laki.secret = chosen-by-hand\nclient.ki-05974.secret=")
                .endsWith(store.secret(KI_SOEST) + "\n");
    }

    @Test
    void theEnvironmentVariableWinsOverTheFileAndIsNotWrittenToIt() throws IOException {
        Map<String, String> environment = Map.of("KINETZ_SECRET_KI_05974", "from-the-environment");

        SecretStore store = SecretStore.open(temp, List.of(LAKI, KI_SOEST), environment::get);

        assertThat(store.secret(KI_SOEST)).isEqualTo("from-the-environment");
        assertThat(store.isOverridden(KI_SOEST)).isTrue();
        assertThat(store.isOverridden(LAKI)).isFalse();
        assertThat(Files.readString(store.file())).doesNotContain("from-the-environment");
        assertThat(load(store.file()).getProperty("client.ki-05974.secret")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aBlankEnvironmentVariableDoesNotOverride() {
        SecretStore withoutOverride = SecretStore.open(temp, List.of(LAKI), NO_ENVIRONMENT);

        SecretStore store = SecretStore.open(temp, List.of(LAKI), Map.of("KINETZ_SECRET_LAKI", " ")::get);

        assertThat(store.secret(LAKI)).isEqualTo(withoutOverride.secret(LAKI));
        assertThat(store.isOverridden(LAKI)).isFalse();
    }

    @Test
    void userPasswordsAreOverriddenByTheirOwnVariable() {
        SecretStore store = SecretStore.open(temp, List.of(LAKI, LAKI_USER),
                Map.of("KINETZ_PASSWORD_LAKI", "password-from-the-environment")::get);

        assertThat(store.secret(LAKI_USER)).isEqualTo("password-from-the-environment");
        assertThat(store.secret(LAKI)).isNotEqualTo("password-from-the-environment");
    }

    @Test
    void aFileOthersCouldReadIsRestrictedToItsOwnerWhenOpened() throws IOException {
        Path file = SecretStore.open(temp, List.of(LAKI), NO_ENVIRONMENT).file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretStore.open(temp, List.of(LAKI), NO_ENVIRONMENT);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aSecretTheStoreWasNotOpenedWithIsRefusedNamingIt() {
        SecretStore store = SecretStore.open(temp, List.of(LAKI), NO_ENVIRONMENT);

        assertThatThrownBy(() -> store.secret(KI_SOEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("client.ki-05974.secret is not one of the secrets in");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        SecretStore.open(temp, List.of(LAKI), NO_ENVIRONMENT);
        SecretStore.open(temp, List.of(LAKI, KI_SOEST), NO_ENVIRONMENT);

        try (var files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("secrets.properties");
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }
}
