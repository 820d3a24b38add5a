package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Handlungsfeld: the two fields of action every KI works in (docs/architecture.md#code-lists). Each {@link FocusArea} belongs
 * to exactly one of them, so a report grouped by field is a roll-up of the focus areas.
 */
public enum Field {

    BILDUNG("Integration durch Bildung"),
    QUERSCHNITT("Integration als Querschnittsaufgabe");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /**
     * @param code the code, surrounding blanks and lower case tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static Field parse(String code) {
        return CodeLists.parse(Field.class, code, "a field");
    }
}
