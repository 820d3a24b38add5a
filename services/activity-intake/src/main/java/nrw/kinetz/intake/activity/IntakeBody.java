package nrw.kinetz.intake.activity;

import java.util.List;

import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.intake.activity.domain.ActivityRules;
import nrw.kinetz.intake.activity.domain.RawActivity;
import nrw.kinetz.intake.activity.domain.Violation;
import nrw.kinetz.model.activity.ActivityCsv;

/**
 * A request body split into its activity reports, whatever the format was, with enough of the origin of each
 * to say where a problem is: a JSON Pointer into the body, or a line number for NDJSON and CSV (docs/architecture.md#http).
 *
 * @param format the body format
 * @param array  whether a JSON body was an array (pointers then start with the index)
 * @param items  the reports in body order
 */
record IntakeBody(Format format, boolean array, List<Item> items) {

    enum Format {
        JSON, NDJSON, CSV
    }

    /**
     * One report of the body.
     *
     * @param index position in the body, from 0
     * @param line  physical line the report starts on (NDJSON, CSV), else {@code null}
     * @param raw   the values as received
     */
    record Item(int index, Integer line, RawActivity raw) {
    }

    IntakeBody {
        items = List.copyOf(items);
    }

    ActivityRules.DateStyle dateStyle() {
        return format == Format.CSV ? ActivityRules.DateStyle.ISO_OR_GERMAN : ActivityRules.DateStyle.ISO;
    }

    /** Where {@code violation} of {@code item} is, in the terms of this body's format. */
    ProblemError error(Item item, Violation violation) {
        return error(item, violation.field(), violation.detail());
    }

    ProblemError error(Item item, String field, String detail) {
        switch (format) {
            case CSV:
                String column = field == null || !ActivityCsv.COLUMNS.contains(field) ? null : field;
                return ProblemError.atLine(item.line(), column == null ? detail : ActivityCsv.heading(column) + ": " + detail);
            case NDJSON:
                return new ProblemError(field == null ? null : pointer(field), item.line(), detail);
            default:
                String base = array ? "/" + item.index() : "";
                return ProblemError.at(field == null ? base : base + pointer(field), detail);
        }
    }

    /**
     * The JSON Pointer of a flat field name inside one report: metrics are nested in the JSON form
     * ({@code participants} → {@code /metrics/participants}); a field that already is a pointer (an unknown
     * property, {@code /participants}) stays as it is.
     */
    static String pointer(String field) {
        if (field.startsWith("/")) {
            return field;
        }
        return ActivityCsv.METRIC_COLUMNS.contains(field) ? "/metrics/" + field : "/" + field;
    }
}
