package nrw.kinetz.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nrw.kinetz.model.activity.ActivityCsv;

/** Builds activity reports for tests in every body format; each gets a fresh id unless told otherwise. */
public final class Activities {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Map<String, String> values = new LinkedHashMap<>();

    private Activities(String site) {
        values.put("id", UUID.randomUUID().toString());
        values.put("site", site);
        values.put("occurredOn", LocalDate.now(BERLIN).minusDays(3).toString());
        values.put("field", "BILDUNG");
        values.put("focusArea", "SEITENEINSTEIGERBERATUNG");
        values.put("activityType", "ERSTBERATUNG_SEITENEINSTEIGER");
        values.put("participants", "12");
        values.put("volunteers", "1");
        values.put("sessions", "3");
        values.put("hours", "6");
    }

    public static Activities of(String site) {
        return new Activities(site);
    }

    public Activities with(String field, String value) {
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return this;
    }

    public String id() {
        return values.get("id");
    }

    public String get(String field) {
        return values.get(field);
    }

    public String json() {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (!ActivityCsv.METRIC_COLUMNS.contains(name)) {
                json.append('"').append(name).append("\":\"").append(value.replace("\"", "\\\"")).append("\",");
            }
        });
        json.append("\"metrics\":{").append(ActivityCsv.METRIC_COLUMNS.stream().sorted()
                .filter(values::containsKey).map(m -> "\"" + m + "\":" + values.get(m)).collect(Collectors.joining(",")));
        return json.append("}}").toString();
    }

    public static String array(List<Activities> activities) {
        return activities.stream().map(Activities::json).collect(Collectors.joining(",", "[", "]"));
    }

    public static String ndjson(List<Activities> activities) {
        return activities.stream().map(Activities::json).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A CSV as a spreadsheet exports it: every column, {@code separator}, the values as set. */
    public static String csv(List<Activities> activities, char separator) {
        StringBuilder csv = new StringBuilder(String.join(String.valueOf(separator), ActivityCsv.COLUMNS)).append("\r\n");
        for (Activities activity : activities) {
            csv.append(ActivityCsv.format(ActivityCsv.COLUMNS.stream().map(c -> activity.values.getOrDefault(c, ""))
                    .toList(), separator)).append("\r\n");
        }
        return csv.toString();
    }
}
