package nrw.kinetz.programs.indicator;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.IndicatorProgressed;

/**
 * The JSON of an {@link IndicatorProgressed} as the events' mapper writes it, character for character
 * ({@code ProgressJsonTests} compares the two), written straight into a string: a replay stores one such payload per
 * activity, and the mapper's generic path (property lookup, an {@code EnumMap} copied twice, a generator per call)
 * was the largest part of building an activity's event on the listener's thread.
 */
final class ProgressJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** One builder per thread, used again for every payload: a replay writes one per activity. */
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private ProgressJson() {
    }

    /** The indicators an activity moves, in the order the payload's map writes them (declaration order, once each). */
    static Indicator[] ordered(List<Indicator> indicators) {
        return indicators.isEmpty() ? new Indicator[0] : EnumSet.copyOf(indicators).toArray(Indicator[]::new);
    }

    /**
     * @param indicators from {@link #ordered(List)}
     * @return the payload's JSON: each indicator's change is its source's value of {@code c}'s metrics, negated for a
     *         retraction
     */
    static String of(Contribution c, boolean retraction, Indicator[] indicators) {
        StringBuilder json = BUILDER.get();
        json.setLength(0);
        json.append("{\"siteId\":");
        string(json, c.siteId().value());
        json.append(",\"program\":");
        constant(json, c.program());
        if (c.block() != null) {
            json.append(",\"block\":");
            constant(json, c.block());
        }
        json.append(",\"budgetYear\":").append(c.budgetYear());
        if (c.measureId() != null) {
            json.append(",\"measureId\":");
            string(json, c.measureId());
        }
        UUID activityId = c.activityId();
        json.append(",\"activityId\":\"").append(activityId).append('"');
        json.append(",\"retraction\":").append(retraction);
        json.append(",\"changes\":{");
        ActivityMetrics metrics = c.metrics();
        for (int i = 0; i < indicators.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            constant(json, indicators[i]);
            long value = indicators[i].source().of(metrics);
            json.append(':').append(retraction ? -value : value);
        }
        return json.append("}}").toString();
    }

    /** A constant's name, which is a Java identifier: nothing in it to escape. */
    private static void constant(StringBuilder json, Enum<?> constant) {
        json.append('"').append(constant.name()).append('"');
    }

    /** A JSON string as the mapper escapes it: quote, backslash and control characters, nothing else. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        int plain = 0;
        while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) != '"' && value.charAt(plain) != '\\') {
            plain++;
        }
        json.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                json.append('\\').append(ch);
            } else if (ch < 0x20) {
                switch (ch) {
                    case '\b' -> json.append("\\b");
                    case '\t' -> json.append("\\t");
                    case '\n' -> json.append("\\n");
                    case '\f' -> json.append("\\f");
                    case '\r' -> json.append("\\r");
                    default -> json.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
                }
            } else {
                json.append(ch);
            }
        }
        json.append('"');
    }
}
