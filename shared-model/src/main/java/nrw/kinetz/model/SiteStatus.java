package nrw.kinetz.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a KI site stands in its lifecycle: Grundsatzentscheidung → Zuwendungsbescheid → Startphase →
 * etabliert, in that order and without skipping, because each step presupposes the paper of the one
 * before. A site can be closed from any step; a closed site stays closed (a re-opening would be a new
 * decision and is registered as such).
 */
public enum SiteStatus {

    DECIDED("Grundsatzentscheidung"),
    FUNDED("Zuwendungsbescheid"),
    START_PHASE("Startphase"),
    ESTABLISHED("etabliert"),
    CLOSED("geschlossen");

    private final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /** @return the statuses a site in this status may move to next; unmodifiable, empty for CLOSED */
    public Set<SiteStatus> allowedNext() {
        return switch (this) {
            case DECIDED -> Transitions.FROM_DECIDED;
            case FUNDED -> Transitions.FROM_FUNDED;
            case START_PHASE -> Transitions.FROM_START_PHASE;
            case ESTABLISHED -> Transitions.FROM_ESTABLISHED;
            case CLOSED -> Transitions.FROM_CLOSED;
        };
    }

    /**
     * @return whether a site in this status may move to {@code next}; staying in the same status is not a
     *         move and answers {@code false}
     */
    public boolean canMoveTo(SiteStatus next) {
        return next != null && allowedNext().contains(next);
    }

    /**
     * @param code the code, surrounding blanks and lower case tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static SiteStatus parse(String code) {
        return CodeLists.parse(SiteStatus.class, code, "a site status");
    }

    /** Enum constants cannot reference each other in their constructors, so the sets live here. */
    private static final class Transitions {
        static final Set<SiteStatus> FROM_DECIDED = of(FUNDED, CLOSED);
        static final Set<SiteStatus> FROM_FUNDED = of(START_PHASE, CLOSED);
        static final Set<SiteStatus> FROM_START_PHASE = of(ESTABLISHED, CLOSED);
        static final Set<SiteStatus> FROM_ESTABLISHED = of(CLOSED);
        static final Set<SiteStatus> FROM_CLOSED = Collections.emptySet();

        private static Set<SiteStatus> of(SiteStatus first, SiteStatus... rest) {
            return Collections.unmodifiableSet(EnumSet.of(first, rest));
        }
    }
}
