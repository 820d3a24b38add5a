package nrw.kinetz.sites.site.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;

/**
 * What a KI works on: its focus areas (each inside one Handlungsfeld) and the programmes it takes part in.
 * Both are sets: listing a focus area twice means the same as once. Kept in code-list order, so equal
 * values compare and print equal.
 */
public final class WorkFocus {

    private static final WorkFocus NONE = new WorkFocus(List.of(), List.of());

    private final List<FocusArea> focusAreas;
    private final List<Program> programs;

    private WorkFocus(List<FocusArea> focusAreas, List<Program> programs) {
        this.focusAreas = focusAreas;
        this.programs = programs;
    }

    public static WorkFocus none() {
        return NONE;
    }

    public static WorkFocus of(Collection<FocusArea> focusAreas, Collection<Program> programs) {
        return new WorkFocus(List.copyOf(inOrder(FocusArea.class, focusAreas)), List.copyOf(inOrder(Program.class, programs)));
    }

    /** @return the focus areas in code-list order; unmodifiable */
    public List<FocusArea> focusAreas() {
        return focusAreas;
    }

    /** @return the focus areas per Handlungsfeld, every field present (possibly with an empty list) */
    public Map<Field, List<FocusArea>> byField() {
        Map<Field, List<FocusArea>> byField = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            byField.put(field, focusAreas.stream().filter(area -> area.field() == field).toList());
        }
        return byField;
    }

    /** @return the programmes in code-list order; unmodifiable */
    public List<Program> programs() {
        return programs;
    }

    private static <E extends Enum<E>> List<E> inOrder(Class<E> type, Collection<E> values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return new ArrayList<>(set);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkFocus that && focusAreas.equals(that.focusAreas) && programs.equals(that.programs);
    }

    @Override
    public int hashCode() {
        return 31 * focusAreas.hashCode() + programs.hashCode();
    }

    @Override
    public String toString() {
        return "focusAreas=" + focusAreas + ", programs=" + programs;
    }
}
