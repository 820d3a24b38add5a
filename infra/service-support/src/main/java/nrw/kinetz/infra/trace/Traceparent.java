package nrw.kinetz.infra.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value ({@code 00-<trace-id>-<parent-id>-<flags>}). It travels as
 * an HTTP header and as a Kafka record header, so one request can be followed across services.
 */
public record Traceparent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new trace (sampled). */
    public static Traceparent start() {
        return new Traceparent(randomHex(16), randomHex(8), "01");
    }

    /** Parses a header value; an absent or malformed value starts nothing (the caller starts a new trace). */
    public static Optional<Traceparent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(value.trim());
        if (!m.matches() || INVALID_TRACE.equals(m.group(1)) || INVALID_SPAN.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(m.group(1), m.group(2), m.group(3)));
    }

    /** The same trace with a new span: what a service uses for the work it does on behalf of this one. */
    public Traceparent child() {
        return new Traceparent(traceId, randomHex(8), flags);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
