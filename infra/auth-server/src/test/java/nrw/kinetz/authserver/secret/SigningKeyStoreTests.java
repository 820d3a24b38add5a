package nrw.kinetz.authserver.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;

class SigningKeyStoreTests {

    @TempDir
    Path temp;

    @Test
    void theFirstCallGeneratesAn2048BitRs256KeyIntoAnOwnerOnlyFile() throws Exception {
        RSAKey key = SigningKeyStore.loadOrCreate(temp.resolve("auth"));

        Path file = temp.resolve("auth/signing-key.json");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void laterCallsReturnTheSameKeySoTokensSurviveARestart() throws Exception {
        RSAKey first = SigningKeyStore.loadOrCreate(temp);

        RSAKey second = SigningKeyStore.loadOrCreate(temp);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
    }

    @Test
    void aFileWithoutAPrivateKeyStopsTheStartNamingTheFile() throws IOException {
        RSAKey key = SigningKeyStore.loadOrCreate(temp);
        Files.writeString(temp.resolve("signing-key.json"), key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(temp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signing-key.json is not an RSA private key")
                .hasMessageContaining("it holds only the public key");
    }

    @Test
    void aCorruptFileStopsTheStartInsteadOfBeingReplaced() throws IOException {
        Path file = temp.resolve("signing-key.json");
        Files.writeString(file, "{\"kty\":");

        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(temp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete it to generate a new one");
        assertThat(Files.readString(file)).isEqualTo("{\"kty\":");
    }
}
