package nrw.kinetz.intake.activity.domain;

/**
 * One reason an activity report is refused.
 *
 * @param field  the flat field name as in the CSV header ({@code participants}, {@code focusArea}); a JSON
 *               Pointer inside the item (starting with {@code /}) for what has no flat name, such as an unknown
 *               property; or {@code null} when the problem concerns the item as a whole
 * @param detail what is wrong, written for the clerk or developer who sent it
 */
public record Violation(String field, String detail) {

    public static Violation of(String field, String detail) {
        return new Violation(field, detail);
    }

    public static Violation ofItem(String detail) {
        return new Violation(null, detail);
    }
}
