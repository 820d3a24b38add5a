package nrw.kinetz.reporting.aggregate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the rows of an aggregate are grouped by: the {@code groupBy} values of the read API (docs/architecture.md#reading-api).
 * Each {@link Measure} says which of them it supports.
 */
public enum Dimension {

    SITE("site", "Standort"),
    REGIERUNGSBEZIRK("regierungsbezirk", "Regierungsbezirk"),
    FIELD("field", "Handlungsfeld"),
    FOCUS_AREA("focusArea", "Schwerpunkt"),
    ACTIVITY_TYPE("activityType", "Aktivitätsart"),
    PROGRAM("program", "Programm"),
    STATUS("status", "Status"),
    OFFERING_TYPE("offeringType", "Veranstaltungsart"),
    MONTH("month", "Monat"),
    BLOCK("block", "Programmblock"),
    BUDGET_YEAR("budgetYear", "Haushaltsjahr");

    private final String parameter;
    private final String label;

    Dimension(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    /** @return the German heading of a column of this dimension's groups, e.g. {@code Schwerpunkt} */
    public String label() {
        return label;
    }

    /** @return the spelling of the contract, e.g. {@code focusArea}; echoed as {@code groupBy} in every answer */
    public String parameter() {
        return parameter;
    }

    /**
     * Case is ignored because people type URLs by hand; the answer always echoes the canonical spelling.
     *
     * @return the dimension with this {@code groupBy} spelling, or empty
     */
    public static Optional<Dimension> fromParameter(String text) {
        return Arrays.stream(values()).filter(d -> d.parameter.equalsIgnoreCase(text.strip())).findFirst();
    }

    @Override
    public String toString() {
        return parameter;
    }
}
