package nrw.kinetz.catalog.registration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the links in the mails (HMAC-SHA256 over purpose and registration id), so that only the person who got
 * the mail can confirm or cancel: a registration id alone proves nothing, and a forged or altered link is refused.
 */
@Component
public class LinkSigner {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSigner.class);

    /** What a link may do; a confirmation link cannot cancel. */
    public enum Purpose {
        CONFIRM, CANCEL
    }

    private final byte[] key;

    LinkSigner(@Value("${kinetz.catalog.links.secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            LOG.warn("kinetz.catalog.links.secret is not set: links in mails stop working when the service restarts");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    public String sign(Purpose purpose, String registrationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose.name() + ":" + registrationId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so the answer time tells nothing about how much of a forgery was right. */
    public boolean verify(Purpose purpose, String registrationId, String token) {
        if (token == null || registrationId == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(purpose, registrationId).getBytes(StandardCharsets.US_ASCII),
                token.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
