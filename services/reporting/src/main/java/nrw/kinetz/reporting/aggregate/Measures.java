package nrw.kinetz.reporting.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The measures this service answers, by their {@code measure} parameter value. */
public final class Measures {

    private final Map<String, Measure> byName = new LinkedHashMap<>();

    /** @throws IllegalStateException if two measures claim the same name, which would make one unreachable */
    public Measures(List<Measure> measures) {
        for (Measure measure : measures) {
            Measure previous = byName.putIfAbsent(measure.name(), measure);
            if (previous != null) {
                throw new IllegalStateException("two measures are named " + measure.name() + ": "
                        + previous.getClass().getName() + " and " + measure.getClass().getName());
            }
        }
    }

    /** Exact match: measure names are lower-case words and are echoed as given in every answer. */
    public Optional<Measure> find(String name) {
        return Optional.ofNullable(byName.get(name.strip()));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
