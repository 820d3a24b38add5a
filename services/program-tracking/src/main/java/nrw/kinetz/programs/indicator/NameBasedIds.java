package nrw.kinetz.programs.indicator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * {@link UUID#nameUUIDFromBytes} of a text's UTF-8 bytes, with one MD5 digest per thread: the JDK's looks the
 * algorithm up anew for every id, which a replay profile showed as a third of deriving an activity's event. The text
 * may be given in parts, which are digested as they are instead of being joined first.
 */
final class NameBasedIds {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not supported", e);
        }
    });

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private NameBasedIds() {
    }

    /** @return the same id as {@code UUID.nameUUIDFromBytes(name.getBytes(UTF_8))} */
    static UUID of(String name) {
        return fromDigest(MD5.get().digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @return the same id as {@code of(prefix + id)}, without building the text: one is derived for every activity
     *         of a replay
     */
    static UUID of(byte[] prefix, UUID id) {
        MessageDigest md5 = MD5.get();
        md5.update(prefix);
        md5.update(ascii(id));
        return fromDigest(md5.digest());
    }

    /**
     * @return the same id as {@code of(String.join(separator, parts))} for parts of ASCII text (as ids are), without
     *         building the joined text
     */
    static UUID ofJoined(List<String> parts, char separator) {
        MessageDigest md5 = MD5.get();
        byte[] buffer = new byte[64];
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                md5.update((byte) separator);
            }
            String part = parts.get(i);
            if (part.length() > buffer.length) {
                buffer = new byte[part.length()];
            }
            for (int c = 0; c < part.length(); c++) {
                char ch = part.charAt(c);
                if (ch > 0x7F) {
                    md5.reset(); // not ASCII: the joined text's UTF-8 bytes, as the general rule says
                    return of(String.join(String.valueOf(separator), parts));
                }
                buffer[c] = (byte) ch;
            }
            md5.update(buffer, 0, part.length());
        }
        return fromDigest(md5.digest());
    }

    /** The text of {@code id.toString()} as ASCII bytes. */
    private static byte[] ascii(UUID id) {
        byte[] text = new byte[36];
        hex(text, 0, id.getMostSignificantBits() >>> 32, 8);
        text[8] = '-';
        hex(text, 9, id.getMostSignificantBits() >>> 16, 4);
        text[13] = '-';
        hex(text, 14, id.getMostSignificantBits(), 4);
        text[18] = '-';
        hex(text, 19, id.getLeastSignificantBits() >>> 48, 4);
        text[23] = '-';
        hex(text, 24, id.getLeastSignificantBits(), 12);
        return text;
    }

    private static void hex(byte[] text, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            text[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    private static UUID fromDigest(byte[] md5) {
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
