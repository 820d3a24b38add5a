package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;

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
        StringBuilder json = new StringBuilder(384);
        json.append("{\"activityId\":\"").append(report.activityId())
                .append("\",\"siteId\":\"").append(report.siteId().value())
                .append("\",\"occurredOn\":\"").append(report.occurredOn())
                .append("\",\"field\":\"").append(report.field().name())
                .append("\",\"focusArea\":\"").append(report.focusArea().name())
                .append("\",\"activityType\":\"").append(report.activityType().name()).append('"');
        if (report.program() != null) {
            json.append(",\"program\":\"").append(report.program().name()).append('"');
        }
        if (report.block() != null) {
            json.append(",\"block\":\"").append(report.block().name()).append('"');
        }
        if (report.measureId() != null) {
            json.append(",\"measureId\":\"").append(report.measureId()).append('"');
        }
        ActivityMetrics metrics = report.metrics();
        json.append(",\"metrics\":{\"participants\":").append(metrics.participants())
                .append(",\"volunteers\":").append(metrics.volunteers())
                .append(",\"sessions\":").append(metrics.sessions())
                .append(",\"hours\":").append(metrics.hours()).append('}');
        if (report.note() != null) {
            json.append(",\"note\":\"").append(report.note()).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
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
