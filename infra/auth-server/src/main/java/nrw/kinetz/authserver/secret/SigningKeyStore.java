package nrw.kinetz.authserver.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs every token, kept as a private JWK ({@value #FILE_NAME}) in the data directory,
 * readable by its owner only. A key generated at every start would invalidate all tokens whenever the
 * devstack restarts, and every service would refuse the tokens KI systems still hold.
 */
public final class SigningKeyStore {

    public static final String FILE_NAME = "signing-key.json";

    private static final int KEY_SIZE = 2048;

    private SigningKeyStore() {
    }

    /**
     * @return the key pair kept in {@code dataDirectory}, generated and stored on the first call; its key id
     *         is its RFC 7638 thumbprint, so the id names the key and nothing else
     * @throws IllegalStateException if the file exists but holds no RSA private key
     */
    public static RSAKey loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            OwnerOnlyFiles.createDirectory(dataDirectory);
            if (Files.exists(file)) {
                return parse(file, OwnerOnlyFiles.read(file));
            }
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            OwnerOnlyFiles.write(file, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file.toAbsolutePath(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey parse(Path file, String json) {
        try {
            RSAKey key = RSAKey.parse(json);
            if (!key.isPrivate()) {
                throw new ParseException("it holds only the public key", 0);
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not an RSA private key in JWK form ("
                    + e.getMessage() + "); delete it to generate a new one — tokens signed with the old key "
                    + "are refused from then on", e);
        }
    }
}
