package nrw.kinetz.infra.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} array: what is wrong and where — a JSON Pointer into the
 * request body, or a line number for CSV and NDJSON bodies (docs/architecture.md#http).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, Integer line, String detail) {

    public static ProblemError at(String pointer, String detail) {
        return new ProblemError(pointer, null, detail);
    }

    public static ProblemError atLine(int line, String detail) {
        return new ProblemError(null, line, detail);
    }

    public static ProblemError of(String detail) {
        return new ProblemError(null, null, detail);
    }

    /**
     * Turns a bean property path ({@code items[3].metrics.participants}) into a JSON Pointer
     * ({@code /items/3/metrics/participants}).
     */
    public static String pointerOf(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : propertyPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
