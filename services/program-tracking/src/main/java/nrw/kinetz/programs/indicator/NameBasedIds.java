package nrw.kinetz.programs.indicator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@link UUID#nameUUIDFromBytes} of a text's UTF-8 bytes, with one MD5 digest per thread: the JDK's looks the
 * algorithm up anew for every id, which a replay profile showed as a third of deriving an activity's event.
 */
final class NameBasedIds {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not supported", e);
        }
    });

    private NameBasedIds() {
    }

    /** @return the same id as {@code UUID.nameUUIDFromBytes(name.getBytes(UTF_8))} */
    static UUID of(String name) {
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f;
        md5[6] |= 0x30; // version 3
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80; // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            least = (least << 8) | (md5[i] & 0xff);
        }
        return new UUID(most, least);
    }
}
