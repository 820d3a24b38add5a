package nrw.kinetz.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The focus areas (Schwerpunkte) a KI reports activities and staffing under, each inside one
 * {@link Field}. The field is fixed by the focus area, so payloads carry only the focus area and the field
 * is derived, which keeps the two from contradicting each other.
 */
public enum FocusArea {

    FRUEHE_BILDUNG(Field.BILDUNG, "Frühe Bildung"),
    SCHULE_SPRACHBILDUNG(Field.BILDUNG, "Interkulturelle Schulentwicklung und durchgängige Sprachbildung"),
    UEBERGANG_SCHULE_BERUF(Field.BILDUNG, "Übergang Schule–Beruf"),
    SEITENEINSTEIGERBERATUNG(Field.BILDUNG, "Seiteneinsteigerberatung"),
    ELTERNBILDUNG(Field.BILDUNG, "Elternbildung"),
    ARBEIT(Field.QUERSCHNITT, "Arbeit"),
    SPORT(Field.QUERSCHNITT, "Sport"),
    GESUNDHEIT(Field.QUERSCHNITT, "Gesundheit"),
    WIRTSCHAFT(Field.QUERSCHNITT, "Wirtschaft"),
    KULTUR(Field.QUERSCHNITT, "Kultur"),
    WOHNEN(Field.QUERSCHNITT, "Wohnen"),
    REGELDIENSTE_OEFFNUNG(Field.QUERSCHNITT, "Interkulturelle Öffnung der Regeldienste"),
    EHRENAMT(Field.QUERSCHNITT, "Ehrenamt"),
    ZUSAMMENLEBEN_QUARTIER(Field.QUERSCHNITT, "Zusammenleben im Quartier");

    private final Field field;
    private final String label;

    FocusArea(Field field, String label) {
        this.field = field;
        this.label = label;
    }

    /** @return the field of action this focus area belongs to */
    public Field field() {
        return field;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /** @return the focus areas of {@code field} in their official order; unmodifiable */
    public static List<FocusArea> of(Field field) {
        Objects.requireNonNull(field, "field");
        return Arrays.stream(values()).filter(area -> area.field == field).toList();
    }

    /**
     * @param code the code, surrounding blanks and lower case tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static FocusArea parse(String code) {
        return CodeLists.parse(FocusArea.class, code, "a focus area");
    }
}
