package nrw.kinetz.intake.activity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import nrw.kinetz.model.activity.ActivityReported;

/**
 * What "the same content" means for a retry (docs/architecture.md#idempotency): the SHA-256 of the report after parsing, so a
 * retry that spells a code in lower case or a date the German way is the same content, and a changed count
 * is not. Every field is written with its length in front, so no value can imitate a field boundary.
 *
 * <p>The hashes are stored with the claimed ids: changing this definition would turn every retry of an
 * earlier report into a conflict.
 */
public final class ContentHash {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private ContentHash() {
    }

    public static String of(ActivityReported report) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, report.activityId().toString());
        field(canonical, report.siteId().value());
        field(canonical, report.occurredOn().toString());
        field(canonical, report.field().name());
        field(canonical, report.focusArea().name());
        field(canonical, report.activityType().name());
        field(canonical, report.program() == null ? null : report.program().name());
        field(canonical, report.block() == null ? null : report.block().name());
        field(canonical, report.measureId());
        field(canonical, Integer.toString(report.metrics().participants()));
        field(canonical, Integer.toString(report.metrics().volunteers()));
        field(canonical, Integer.toString(report.metrics().sessions()));
        field(canonical, Integer.toString(report.metrics().hours()));
        field(canonical, report.note());
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code -} for an absent value, else its length, a colon and the value. */
    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append(';');
    }
}
