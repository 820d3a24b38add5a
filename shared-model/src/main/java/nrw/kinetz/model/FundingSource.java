package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Who pays for a post in a KI's staffing plan. A post paid from a programme names the {@link Program}
 * as well, because "funded by a programme" alone would not tell KOMM-AN from KIM.
 */
public enum FundingSource {

    /** The state of NRW (integration or school ministry). */
    STATE("Land NRW"),
    /** The Kreis or city that runs the KI. */
    MUNICIPALITY("Kommune"),
    /** A funding programme such as KOMM_AN_I; the post names which one. */
    PROGRAM("Förderprogramm");

    private final String label;

    FundingSource(String label) {
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
    public static FundingSource parse(String code) {
        return CodeLists.parse(FundingSource.class, code, "a funding source");
    }
}
