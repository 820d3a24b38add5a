package nrw.kinetz.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackSecretsTests {

    @TempDir
    Path data;

    @Test
    void listsTheSignInUsersWithTheirPasswordsAndNoClients() throws Exception {
        DevstackSecrets secrets = new DevstackSecrets(secretsFile(), name -> null);

        assertThat(secrets.users()).containsExactly(
                Map.entry("ki-05974", "pw-ki"), Map.entry("laki", "pw-laki"), Map.entry("viewer", "pw-viewer"));
    }

    @Test
    void theEnvironmentWinsOverTheFileAsAtTheAuthorizationServer() throws Exception {
        Map<String, String> environment = Map.of("KINETZ_PASSWORD_KI_05974", "from-env", "KINETZ_SECRET_DASHBOARD", "dash-env");
        DevstackSecrets secrets = new DevstackSecrets(secretsFile(), environment::get);

        assertThat(secrets.users()).containsEntry("ki-05974", "from-env").containsEntry("laki", "pw-laki");
        assertThat(secrets.clientSecret("dashboard")).isEqualTo("dash-env");
        assertThat(secrets.clientSecret("laki")).isEqualTo("secret-laki");
    }

    @Test
    void aMissingFileOrClientIsExplainedToPeople() throws Exception {
        assertThatThrownBy(() -> new DevstackSecrets(data.resolve("auth/secrets.properties"), name -> null).users())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start the devstack first");
        assertThatThrownBy(() -> new DevstackSecrets(secretsFile(), name -> null).clientSecret("nobody"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no client 'nobody'");
    }

    @Test
    void usersArePrintedOnePerLineAfterWhereToSignIn() throws Exception {
        var out = new ByteArrayOutputStream();
        DevstackLayout layout = new DevstackLayout(data, data, 1000);

        UsersCommand.print(new DevstackSecrets(secretsFile(), name -> null).users(), layout,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Sign in at http://localhost:9080/ (\"Anmelden\"); laki sees exact numbers, viewer and ki-<siteId> suppressed ones.",
                "ki-05974  pw-ki",
                "laki      pw-laki",
                "viewer    pw-viewer");
    }

    private Path secretsFile() throws Exception {
        Path file = Files.createDirectories(data.resolve("auth")).resolve("secrets.properties");
        Files.writeString(file, """
                # generated
                client.laki.secret=secret-laki
                client.dashboard.secret=secret-dashboard
                user.laki.password=pw-laki
                user.viewer.password=pw-viewer
                user.ki-05974.password=pw-ki
                """);
        return file;
    }
}
