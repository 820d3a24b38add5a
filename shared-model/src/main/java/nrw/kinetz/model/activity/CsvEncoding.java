package nrw.kinetz.model.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The character encoding of a CSV file from a spreadsheet (docs/architecture.md#csv). Spreadsheets save CSV as
 * UTF-8 (Excel's "CSV UTF-8" with a byte order mark, LibreOffice without) or — German Excel's default "CSV
 * (Trennzeichen-getrennt)" — as Windows-1252. Both are read; nothing is ever decoded with replacement characters,
 * so text is either read exactly or refused with the reason.
 *
 * <p>Detection is strict decoding, not guessing: a file that decodes as UTF-8 without a single malformed byte is
 * UTF-8; otherwise it is Windows-1252 if every byte is defined there. German text in Windows-1252 is practically
 * never valid UTF-8: every letter beyond ASCII (ä, ö, ü, ß, é: bytes 0xC0–0xFF) would have to be followed by
 * continuation bytes 0x80–0xBF, which are rare punctuation in Windows-1252, in exactly the right number. UTF-16
 * (a byte order mark or NUL bytes) and bytes undefined in Windows-1252 are refused.
 */
public final class CsvEncoding {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The encodings a sender may declare ({@code charset=} of the Content-Type). */
    public static final List<Charset> DECLARABLE = List.of(StandardCharsets.UTF_8, WINDOWS_1252,
            StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

    private static final int CHUNK = 1 << 16;

    private CsvEncoding() {
    }

    /** Text that cannot be read without damage; the message says why and what to do. */
    public static final class UnreadableTextException extends IllegalArgumentException {

        public UnreadableTextException(String message) {
            super(message);
        }
    }

    /** @return UTF-8 or Windows-1252, whichever reads {@code bytes} exactly */
    public static Charset detect(byte[] bytes) {
        try {
            return detect(() -> new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    /** @return UTF-8 or Windows-1252, whichever reads the file exactly (it is read up to twice, streaming) */
    public static Charset detect(Path file) throws IOException {
        return detect(() -> Files.newInputStream(file));
    }

    /**
     * The charset a sender declared, if it is one the platform reads.
     *
     * @throws UnreadableTextException for an unknown or unsupported charset
     */
    public static Charset declared(String name) {
        try {
            Charset charset = Charset.forName(name.trim());
            if (DECLARABLE.contains(charset)) {
                return charset;
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // refused below, with the supported ones named
        }
        throw new UnreadableTextException("charset " + name.trim() + " is not supported; send UTF-8 or Windows-1252"
                + " (or leave the charset out to have it detected)");
    }

    /**
     * @return the text of {@code bytes} in {@code charset}, exactly
     * @throws UnreadableTextException at the first byte that is not valid in it
     */
    public static String decode(byte[] bytes, Charset charset) {
        refuseUtf16(bytes.length >= 2 ? new byte[] {bytes[0], bytes[1]} : bytes);
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notIn(charset, in.position(), bytes[in.position()]);
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableTextException("the text contains NUL bytes, as UTF-16 does; save it as \"CSV UTF-8\"");
        }
        return text;
    }

    /** A reader that fails ({@link CharacterCodingException}) rather than replace a byte it cannot read. */
    public static Reader reader(InputStream in, Charset charset) {
        return new InputStreamReader(in, strict(charset));
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private static Charset detect(Source source) throws IOException {
        long utf8Error;
        try (InputStream in = source.open()) {
            utf8Error = firstError(in, StandardCharsets.UTF_8);
        }
        if (utf8Error < 0) {
            return StandardCharsets.UTF_8;
        }
        try (InputStream in = source.open()) {
            long error = firstError(in, WINDOWS_1252);
            if (error >= 0) {
                throw new UnreadableTextException("the text is neither UTF-8 nor Windows-1252: the byte at offset " + error
                        + " is defined in neither; save the file as \"CSV UTF-8\"");
            }
        }
        return WINDOWS_1252;
    }

    /** Offset of the first byte {@code charset} cannot read, or -1; refuses UTF-16 and NUL bytes first. */
    private static long firstError(InputStream in, Charset charset) throws IOException {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = 0;
        boolean start = true;
        while (true) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            boolean end = read < 0;
            if (!end) {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            if (start && (bytes.remaining() >= 2 || end)) {
                byte[] head = new byte[Math.min(2, bytes.remaining())];
                bytes.duplicate().get(head);
                refuseUtf16(head);
                start = false;
            }
            for (int i = bytes.position(); i < bytes.limit(); i++) {
                if (bytes.get(i) == 0) {
                    throw new UnreadableTextException("the text contains NUL bytes, as UTF-16 does; save it as \"CSV UTF-8\"");
                }
            }
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, end);
            while (result.isOverflow()) {
                chars.clear();
                result = decoder.decode(bytes, chars, end);
            }
            if (result.isError()) {
                return consumed + (bytes.position() - before);
            }
            consumed += bytes.position() - before;
            chars.clear();
            if (end) {
                return -1;
            }
            bytes.compact();
        }
    }

    private static void refuseUtf16(byte[] head) {
        if (head.length == 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw new UnreadableTextException("the text is UTF-16 (it starts with its byte order mark); save it as \"CSV UTF-8\"");
        }
    }

    private static UnreadableTextException notIn(Charset charset, long offset, byte value) {
        return new UnreadableTextException("the text is not valid " + charset.name().toUpperCase(Locale.ROOT)
                + ": the byte 0x" + String.format("%02X", value & 0xff) + " at offset " + offset + " is not defined there");
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
