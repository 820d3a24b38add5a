package nrw.kinetz.reporting.activity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The activities read model as the rest of the service sees it: the store of the active generation, and
 * stores of other generations for a rebuild. The live store announces its changes to the feed and guards its
 * writes; a rebuild's replay store does neither — it repeats what the feed has already said, into collections
 * nobody else writes.
 */
final class ActivityReadModel {

    private final ActivityGenerations generations;
    private final BiFunction<Generation, Boolean, ActivityStore> stores;
    private final Map<String, ActivityStore> opened = new ConcurrentHashMap<>();

    /**
     * @param stores opens the store of a generation; the flag says whether it is the live store or a replay's
     */
    ActivityReadModel(ActivityGenerations generations, BiFunction<Generation, Boolean, ActivityStore> stores) {
        this.generations = generations;
        this.stores = stores;
    }

    Generation activeGeneration() {
        return generations.active();
    }

    /** The store queries read and live events are written to. */
    ActivityStore active() {
        return store(generations.active(), true);
    }

    /** @param live whether it is the live store (announced, guarded) or a replay's */
    ActivityStore store(Generation generation, boolean live) {
        return opened.computeIfAbsent(generation.suffix() + "/" + live, k -> stores.apply(generation, live));
    }

    /** Forgets the stores of a dropped generation, so that a later one of the same number starts afresh. */
    void forget(Generation generation) {
        opened.keySet().removeIf(key -> key.startsWith(generation.suffix() + "/"));
    }

    void activate(Generation generation) {
        generations.activate(generation);
    }
}
