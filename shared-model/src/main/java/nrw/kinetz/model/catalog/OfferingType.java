package nrw.kinetz.model.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;

import nrw.kinetz.model.CodeLists;

/** What kind of offering the catalog lists; the German name is what people read on the page. */
public enum OfferingType {

    FORTBILDUNG("Fortbildung"),
    NETZWERKTREFFEN("Netzwerktreffen"),
    FACHTAG("Fachtag"),
    ARBEITSKREIS("Arbeitskreis"),
    QUALIFIZIERUNG_EHRENAMT("Qualifizierung für Ehrenamtliche");

    private final String label;

    OfferingType(String label) {
        this.label = label;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /** @throws nrw.kinetz.model.InvalidValueException listing the allowed codes */
    @JsonCreator
    public static OfferingType parse(String code) {
        return CodeLists.parse(OfferingType.class, code, "an offering type");
    }
}
