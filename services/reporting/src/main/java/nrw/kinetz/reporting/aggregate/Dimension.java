package nrw.kinetz.reporting.aggregate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the rows of an aggregate are grouped by: the {@code groupBy} values of the read API (docs/architecture.md#reading-api).
 * Each {@link Measure} says which of them it supports.
 */
public enum Dimension {

    SITE("site"),
    REGIERUNGSBEZIRK("regierungsbezirk"),
    FIELD("field"),
    FOCUS_AREA("focusArea"),
    ACTIVITY_TYPE("activityType"),
    PROGRAM("program"),
    STATUS("status"),
    OFFERING_TYPE("offeringType"),
    MONTH("month"),
    BLOCK("block"),
    BUDGET_YEAR("budgetYear");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
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
