package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What kind of work an activity report counts (docs/architecture.md#code-lists). */
public enum ActivityType {

    ERSTBERATUNG_SEITENEINSTEIGER("Erstberatung Seiteneinsteiger"),
    ELTERNPROGRAMM("Elternprogramm"),
    FORTBILDUNG("Fortbildung"),
    NETZWERKTREFFEN("Netzwerktreffen"),
    BERATUNG("Beratung"),
    VERANSTALTUNG("Veranstaltung"),
    EHRENAMT_BEGLEITUNG("Begleitung Ehrenamtlicher"),
    SPRACHMITTLUNG("Sprachmittlung"),
    PROJEKT("Projekt");

    private final String label;

    ActivityType(String label) {
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
    public static ActivityType parse(String code) {
        return CodeLists.parse(ActivityType.class, code, "an activity type");
    }
}
