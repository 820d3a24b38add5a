package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What kind of territory a KI serves. {@link #STADT_IN_STAEDTEREGION} exists because the city of Aachen
 * runs its own KI inside the Städteregion Aachen, which has one too.
 */
public enum TerritoryKind {

    KREIS("Kreis"),
    KREISFREIE_STADT("Kreisfreie Stadt"),
    STAEDTEREGION("Städteregion"),
    STADT_IN_STAEDTEREGION("Stadt in der Städteregion");

    private final String label;

    TerritoryKind(String label) {
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
    public static TerritoryKind parse(String code) {
        return CodeLists.parse(TerritoryKind.class, code, "a territory kind");
    }
}
