package nrw.kinetz.devstack.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * One invented activity, in the form the intake takes it ({@link #json()}).
 *
 * @param program {@code null} for none
 * @param block   {@code null} unless the programme has blocks
 * @param note    always marked as sample data
 */
record DemoActivity(UUID id, SiteId site, LocalDate occurredOn, FocusArea focusArea, ActivityType activityType,
        Program program, Program.Block block, int participants, int volunteers, int sessions, int hours, String note) {

    /** The intake's JSON body for this activity. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.toString());
        json.put("site", site.value());
        json.put("occurredOn", occurredOn.toString());
        json.put("field", focusArea.field().name());
        json.put("focusArea", focusArea.name());
        json.put("activityType", activityType.name());
        if (program != null) {
            json.put("program", program.name());
        }
        if (block != null) {
            json.put("block", block.name());
        }
        json.put("metrics", Map.of("participants", participants, "volunteers", volunteers, "sessions", sessions,
                "hours", hours));
        json.put("note", note);
        return json;
    }
}
