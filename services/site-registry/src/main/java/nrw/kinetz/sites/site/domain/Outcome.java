package nrw.kinetz.sites.site.domain;

import java.util.List;
import java.util.Objects;

/**
 * The result of a command: the site as it is now and the facts that announce the change, in order. No facts
 * means the command changed nothing (e.g. the same staffing plan again), so there is nothing to store.
 */
public record Outcome(Site site, List<Fact<?>> facts) {

    public Outcome {
        Objects.requireNonNull(site, "site");
        facts = List.copyOf(facts);
    }

    public boolean changedSomething() {
        return !facts.isEmpty();
    }
}
