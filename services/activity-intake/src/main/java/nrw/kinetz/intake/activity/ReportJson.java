package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.event.EventJson;

/**
 * The payload of {@code nrw.ki.activity.reported.v1} as the event mapping ({@link EventJson}) writes it, byte for
 * byte, written field by field: the mapper's generic path (the record's properties looked up and written through
 * their serializers) was most of the CPU of building a record. Texts that JSON must escape, or that are not plain
 * UTF-16, go through the mapper, so its escaping stays the only one.
 */
final class ReportJson {

    private ReportJson() {
    }

    static byte[] of(ActivityReported report) {
        if (!plain(report.measureId()) || !plain(report.note())) {
            return EventJson.mapper().writeValueAsBytes(report);
        }
        Bytes json = new Bytes(400 + 3 * (length(report.measureId()) + length(report.note())));
        json.ascii("{\"activityId\":\"").ascii(report.activityId().toString())
                .ascii("\",\"siteId\":\"").ascii(report.siteId().value())
                .ascii("\",\"occurredOn\":\"").ascii(report.occurredOn().toString())
                .ascii("\",\"field\":\"").ascii(report.field().name())
                .ascii("\",\"focusArea\":\"").ascii(report.focusArea().name())
                .ascii("\",\"activityType\":\"").ascii(report.activityType().name()).ascii("\"");
        if (report.program() != null) {
            json.ascii(",\"program\":\"").ascii(report.program().name()).ascii("\"");
        }
        if (report.block() != null) {
            json.ascii(",\"block\":\"").ascii(report.block().name()).ascii("\"");
        }
        if (report.measureId() != null) {
            json.ascii(",\"measureId\":\"").text(report.measureId()).ascii("\"");
        }
        ActivityMetrics metrics = report.metrics();
        json.ascii(",\"metrics\":{\"participants\":").ascii(Integer.toString(metrics.participants()))
                .ascii(",\"volunteers\":").ascii(Integer.toString(metrics.volunteers()))
                .ascii(",\"sessions\":").ascii(Integer.toString(metrics.sessions()))
                .ascii(",\"hours\":").ascii(Integer.toString(metrics.hours())).ascii("}");
        if (report.note() != null) {
            json.ascii(",\"note\":\"").text(report.note()).ascii("\"");
        }
        return json.ascii("}").toArray();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** UTF-8 written into one array: a string builder's text would be copied twice more on its way to bytes. */
    private static final class Bytes {

        private byte[] bytes;
        private int length;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        /** Codes, ids, dates, numbers and the property names: ASCII only. */
        Bytes ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        Bytes text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        byte[] toArray() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }

    /** Whether {@code text} needs no JSON escaping and has no surrogates (absent counts as plain). */
    private static boolean plain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
